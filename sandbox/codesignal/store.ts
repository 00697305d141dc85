/**
 * The sandbox's data, readable and mutable in-process. Sessions are kept per test in the order
 * `companyTestSessions` lists them (sorted lazily after a change), so listing stays fast at 100,000 sessions.
 */
import { TEST_PROFILES } from './content';
import { DEFAULT_DATASET, generateDataset, type DatasetOptions } from './dataset';
import { SandboxError } from './errors';
import { Generator, isFinished, type FinishedResultSpec } from './generator';
import type {
	AtsIdType,
	CompanyRecord,
	FrameworkRecord,
	InterviewTemplateRecord,
	LiveInterviewRecord,
	ScoringModelRecord,
	SessionRecord,
	StandardizedTestRecord,
	TaskRecord,
	TaskSetRecord,
	TeamRecord,
	TestLabelRecord,
	TestRecord,
	TestSessionStatus,
	UserRecord,
	VerificationStatus,
} from './model';
import { UNFINISHED_STATUSES } from './model';
import { RoleRegistry } from './roles';
import { StandardizedSessions } from './standardized';
import { TaskLevels } from './taskLevels';

/** A change CodeSignal announces with a webhook; the sandbox forwards these to its WebhookSender. */
export interface StoreEvent {
	event:
		| 'assessmentCreated'
		| 'assessmentUpdated'
		| 'companyTestSessionCreated'
		| 'companyTestSessionStarted'
		| 'companyTestSessionFinished'
		| 'preScreenResultVerificationPending'
		| 'preScreenResultVerified'
		| 'preScreenResultNotVerified';
	subjectId: string;
	at: number;
}

export interface AddTestInput {
	title?: string;
	labels?: string[];
	proctored?: boolean;
	scoring?: ScoringModelRecord['type'];
	/** [task title, points] per slot; task titles from the sandbox's catalogue. */
	slots?: Array<[string, number]>;
	createDate?: number;
}

export interface AddSessionsOptions {
	/** Every new session gets this status (default: a realistic mix). */
	status?: TestSessionStatus;
	/** Every new session is finished (status over) at this time. */
	finishedAt?: number;
	/** One finish date per new session (length must equal count). */
	finishDates?: number[];
	/** Finished sessions get a verification status, as on a proctored test. */
	proctored?: boolean;
}

export interface StoreOptions {
	/** Default 1. */
	seed: number;
	/** Sizes and base time; defaults in DEFAULT_DATASET. */
	dataset: Partial<DatasetOptions>;
	/** Clock for mutations (default Date.now). */
	now: () => number;
}

function compareIds(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

/** The `companyTestSessions` order: finished first by finishDate desc, then the rest by createDate desc; ties by id. */
export function compareForListing(a: SessionRecord, b: SessionRecord): number {
	if (a.finishDate !== null && b.finishDate !== null) {
		return b.finishDate - a.finishDate || compareIds(a.id, b.id);
	}
	if (a.finishDate !== null) return -1;
	if (b.finishDate !== null) return 1;
	return b.createDate - a.createDate || compareIds(a.id, b.id);
}

interface SessionList {
	sessions: SessionRecord[];
	sorted: boolean;
}

export class SandboxStore {
	readonly company: CompanyRecord;

	readonly generator: Generator;

	readonly now: () => number;

	/** The system roles the users hold and the company's own roles. */
	readonly roles: RoleRegistry;

	/** Candidates' sessions of CodeSignal's certified assessment, apart from the company's tests. */
	readonly standardized: StandardizedSessions;

	/** The levels of the catalogue's progressive tasks. */
	readonly taskLevels: TaskLevels;

	private readonly testList: TestRecord[];

	private readonly testsById = new Map<string, TestRecord>();

	private readonly sessionsById = new Map<string, SessionRecord>();

	/** Sessions listed only from a time on (late-visible finishes), by id. */
	private readonly visibleFrom = new Map<string, number>();

	private readonly sessionsByTest = new Map<string, SessionList>();

	private readonly sessionsByAtsId = new Map<string, SessionRecord[]>();

	private readonly interviewList: LiveInterviewRecord[];

	private readonly templateList: InterviewTemplateRecord[];

	private readonly userList: UserRecord[];

	private readonly teamList: TeamRecord[];

	private readonly taskList: TaskRecord[];

	private readonly frameworkList: FrameworkRecord[];

	private readonly certificationTestList: StandardizedTestRecord[];

	private readonly taskSetList: TaskSetRecord[];

	private readonly listeners: Array<(event: StoreEvent) => void> = [];

	constructor(options: Partial<StoreOptions> = {}) {
		const dataset = { ...DEFAULT_DATASET, ...options.dataset };
		this.now = options.now ?? Date.now;
		this.generator = new Generator(options.seed ?? 1, dataset.baseTime);
		const data = generateDataset(this.generator, dataset);
		this.company = data.company;
		this.userList = data.users;
		this.roles = new RoleRegistry(data.company.id, data.users);
		this.teamList = data.teams;
		this.taskList = data.tasks;
		this.frameworkList = data.frameworks;
		this.certificationTestList = data.certificationTests;
		this.taskSetList = data.taskSets;
		this.taskLevels = new TaskLevels(data.tasks);
		this.standardized = new StandardizedSessions(options.seed ?? 1, dataset.baseTime, {
			tasks: this.taskList,
			framework: this.frameworkList[0],
			senders: this.senders(),
		});
		this.testList = [];
		for (const test of data.tests) this.insertTest(test);
		for (const session of data.sessions) this.insertSession(session);
		this.interviewList = data.liveInterviews.sort(
			(a, b) => b.createDate - a.createDate || compareIds(a.id, b.id),
		);
		this.templateList = data.interviewTemplates;
	}

	/** Subscribes to changes that CodeSignal announces by webhook. */
	onEvent(listener: (event: StoreEvent) => void): void {
		this.listeners.push(listener);
	}

	emit(event: StoreEvent): void {
		for (const listener of this.listeners) listener(event);
	}

	// Lookups

	tests(): TestRecord[] {
		return this.testList;
	}

	getTest(id: string): TestRecord | undefined {
		return this.testsById.get(id);
	}

	requireTest(id: string): TestRecord {
		const test = this.testsById.get(id);
		if (!test) throw new SandboxError(`Company test "${id}" not found`);
		return test;
	}

	getSession(id: string): SessionRecord | undefined {
		return this.sessionsById.get(id);
	}

	requireSession(id: string): SessionRecord {
		const session = this.sessionsById.get(id);
		if (!session) throw new SandboxError(`Test session "${id}" not found`);
		return session;
	}

	/**
	 * A test's sessions as `companyTestSessions` lists them now: a session finished with a late visibility is
	 * missing until then (CodeSignal's list catching up), though it keeps its finish date.
	 */
	listedSessions(testId: string): readonly SessionRecord[] {
		const sessions = this.listSessions(testId);
		if (this.visibleFrom.size === 0) return sessions;
		const now = this.now();
		return sessions.filter((session) => (this.visibleFrom.get(session.id) ?? -Infinity) <= now);
	}

	/** A test's sessions in listing order. The array is the store's own: read it, do not change it. */
	listSessions(testId: string): readonly SessionRecord[] {
		const list = this.sessionsByTest.get(testId);
		if (!list) return [];
		if (!list.sorted) {
			list.sessions.sort(compareForListing);
			list.sorted = true;
		}
		return list.sessions;
	}

	sessionsForAtsId(idType: AtsIdType, id: string): SessionRecord[] {
		return this.sessionsByAtsId.get(`${idType}:${id}`) ?? [];
	}

	/** Newest first. */
	liveInterviews(): LiveInterviewRecord[] {
		return this.interviewList;
	}

	getLiveInterview(id: string): LiveInterviewRecord | undefined {
		return this.interviewList.find((interview) => interview.id === id);
	}

	requireLiveInterview(id: string): LiveInterviewRecord {
		const interview = this.getLiveInterview(id);
		if (!interview) throw new SandboxError(`Live interview "${id}" not found`);
		return interview;
	}

	interviewTemplates(): InterviewTemplateRecord[] {
		return this.templateList;
	}

	getInterviewTemplate(id: string): InterviewTemplateRecord | undefined {
		return this.templateList.find((template) => template.id === id);
	}

	requireInterviewTemplate(id: string): InterviewTemplateRecord {
		const template = this.getInterviewTemplate(id);
		if (!template) throw new SandboxError(`Interview template "${id}" not found`);
		return template;
	}

	insertInterviewTemplate(template: InterviewTemplateRecord): void {
		this.templateList.push(template);
	}

	removeInterviewTemplate(id: string): void {
		this.templateList.splice(this.templateList.indexOf(this.requireInterviewTemplate(id)), 1);
	}

	users(): UserRecord[] {
		return this.userList;
	}

	getUser(id: string): UserRecord | undefined {
		return this.userList.find((user) => user.id === id);
	}

	teams(): TeamRecord[] {
		return this.teamList;
	}

	getTeam(id: string | null): TeamRecord | undefined {
		return this.teamList.find((team) => team.id === id);
	}

	tasks(): TaskRecord[] {
		return this.taskList;
	}

	getTask(id: string): TaskRecord | undefined {
		return this.taskList.find((task) => task.id === id);
	}

	requireTask(id: string): TaskRecord {
		const task = this.getTask(id);
		if (!task) throw new SandboxError(`Task "${id}" not found`);
		return task;
	}

	taskSets(): TaskSetRecord[] {
		return this.taskSetList;
	}

	getTaskSet(id: string): TaskSetRecord | undefined {
		return this.taskSetList.find((set) => set.id === id);
	}

	/** The framework of the generated Pre-Screen tests first. */
	frameworks(): FrameworkRecord[] {
		return this.frameworkList;
	}

	getFramework(id: string | null): FrameworkRecord | undefined {
		return this.frameworkList.find((framework) => framework.id === id);
	}

	certificationTests(): StandardizedTestRecord[] {
		return this.certificationTestList;
	}

	getCertificationTest(id: string): StandardizedTestRecord | undefined {
		return this.certificationTestList.find((test) => test.id === id);
	}

	/** Every label used by a test, once, in order of first use. */
	testLabels(): TestLabelRecord[] {
		const labels = new Map<string, TestLabelRecord>();
		for (const test of this.testList) {
			for (const label of test.testLabels) {
				if (!labels.has(label.title)) labels.set(label.title, label);
			}
		}
		return [...labels.values()];
	}

	/** Users who send invitations (everyone but pure interviewers). */
	senders(): UserRecord[] {
		return this.userList.filter((user) => user.role.title !== 'Interviewer');
	}

	// Helpers for tests and for the mutations

	addTest(input: AddTestInput = {}): TestRecord {
		const proctored = input.proctored ?? false;
		const base = TEST_PROFILES[this.testList.length % TEST_PROFILES.length];
		const profile = {
			title: input.title ?? `${base.title} ${this.testList.length + 1}`,
			labels: input.labels ?? base.labels,
			slots: input.slots ?? base.slots,
			scoring: input.scoring ?? base.scoring,
		};
		const test = this.generator.test(profile, {
			tasks: this.taskList,
			authors: this.senders(),
			framework: proctored ? this.frameworkList[0] : null,
		});
		if (input.createDate !== undefined) test.createDate = input.createDate;
		this.insertTest(test);
		return test;
	}

	addSessions(testId: string, count: number, options: AddSessionsOptions = {}): SessionRecord[] {
		const test = this.requireTest(testId);
		if (options.finishDates && options.finishDates.length !== count) {
			throw new SandboxError(
				`finishDates has ${options.finishDates.length} dates for ${count} sessions`,
			);
		}
		const senders = this.senders();
		const created: SessionRecord[] = [];
		for (let index = 0; index < count; index++) {
			const finishDate = options.finishDates?.[index] ?? options.finishedAt;
			const status = finishDate !== undefined ? 'over' : options.status;
			const session = this.generator.session(test, senders, {
				status,
				finishDate,
				proctored: options.proctored,
			});
			this.insertSession(session);
			created.push(session);
		}
		return created;
	}

	/** The candidate opens the test (pending -> active). */
	startSession(id: string, at = this.now()): SessionRecord {
		const session = this.requireSession(id);
		if (session.status !== 'pending') {
			throw new SandboxError(
				`Cannot start test session "${id}": status is ${session.status}, not pending`,
			);
		}
		session.status = 'active';
		session.startDate = at;
		this.emit({ event: 'companyTestSessionStarted', subjectId: id, at });
		return session;
	}

	/**
	 * The candidate submits: status over with a result; a proctored session then awaits verification. With
	 * `listedFrom`, the session's list entry appears only then (its finish date stays `at`).
	 */
	finishSession(id: string, at = this.now(), result?: FinishedResultSpec, listedFrom?: number): SessionRecord {
		const session = this.requireSession(id);
		if (!UNFINISHED_STATUSES.includes(session.status)) {
			throw new SandboxError(`Cannot finish test session "${id}": status is ${session.status}`);
		}
		const test = this.requireTest(session.testId);
		session.status = 'over';
		session.startDate ??= Math.max(session.createDate, at - test.duration / 2);
		session.finishDate = at;
		session.result = this.generator.result(test, session.detailSeed, result);
		session.integrityReviewSuggested = false;
		if (listedFrom !== undefined && listedFrom > this.now()) this.visibleFrom.set(id, listedFrom);
		this.markUnsorted(session.testId);
		if (test.proctored) {
			this.generator.verify(session, 'pending');
			this.emit({ event: 'preScreenResultVerificationPending', subjectId: id, at });
		} else {
			this.emit({ event: 'companyTestSessionFinished', subjectId: id, at });
		}
		return session;
	}

	/** A reviewer's verdict on a proctored session. */
	setVerificationStatus(id: string, status: VerificationStatus): SessionRecord {
		const session = this.requireSession(id);
		if (!isFinished(session)) {
			throw new SandboxError(
				`Test session "${id}" is not finished; only finished sessions are verified`,
			);
		}
		this.generator.verify(session, status);
		if (status !== 'pending') {
			const event =
				status === 'verified' ? 'preScreenResultVerified' : 'preScreenResultNotVerified';
			this.emit({ event, subjectId: id, at: this.now() });
		}
		return session;
	}

	setExternalId(id: string, externalId: string | null): SessionRecord {
		const session = this.requireSession(id);
		session.externalId = externalId;
		return session;
	}

	/** Adds a session (new or generated) to every index. */
	insertSession(session: SessionRecord): void {
		this.sessionsById.set(session.id, session);
		let list = this.sessionsByTest.get(session.testId);
		if (!list) {
			list = { sessions: [], sorted: true };
			this.sessionsByTest.set(session.testId, list);
		}
		list.sessions.push(session);
		list.sorted = false;
		if (session.integrations) {
			for (const idType of ['greenhouseCandidateId', 'greenhouseApplicationId'] as const) {
				const key = `${idType}:${session.integrations[idType]}`;
				const sessions = this.sessionsByAtsId.get(key) ?? [];
				sessions.push(session);
				this.sessionsByAtsId.set(key, sessions);
			}
		}
	}

	insertTask(task: TaskRecord): void {
		this.taskList.push(task);
	}

	insertLiveInterview(interview: LiveInterviewRecord): void {
		this.interviewList.unshift(interview);
	}

	/** Call after changing a session's finishDate or createDate. */
	markUnsorted(testId: string): void {
		const list = this.sessionsByTest.get(testId);
		if (list) list.sorted = false;
	}

	insertTest(test: TestRecord): void {
		this.testList.push(test);
		this.testsById.set(test.id, test);
	}
}
