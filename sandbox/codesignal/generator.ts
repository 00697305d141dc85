/**
 * Builds realistic records from one seeded stream. The initial dataset and the store's helpers
 * (addTest, addSessions, mutations) share a generator, so a seed plus a sequence of calls replays exactly.
 */
import {
	COMPANY,
	COMPANY_TASKS,
	EMAIL_DOMAINS,
	FEMALE_FIRST_NAMES,
	HE,
	LABEL_VARIANTS,
	LAST_NAMES,
	MALE_FIRST_NAMES,
	SHE,
	FRAMEWORKS,
	STAFF,
	TASK_CATALOGUE,
	TASK_SETS,
	TEAMS,
	VERIFICATION_REJECTION_REASONS,
	type FrameworkDefinition,
	type Pronouns,
	type TaskDefinition,
	type TestProfile,
} from './content';
import type {
	CompanyRecord,
	FrameworkRecord,
	IntegrationsRecord,
	ResultRecord,
	ScoreRange,
	ScoringModelRecord,
	SessionRecord,
	StandardizedTestRecord,
	TaskRecord,
	TaskSetRecord,
	TeamRecord,
	TestRecord,
	TestSessionStatus,
	TestTakerRecord,
	UserRecord,
	VerificationStatus,
} from './model';
import { Random } from './random';
import { databaseEnvironments, filesystemTaskFields } from './taskEnvironments';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

const CODING_SCORE_RANGE: ScoreRange = { min: 200, max: 600 };

/** Share of sessions per status when none is asked for. */
const STATUS_WEIGHTS: Record<TestSessionStatus, number> = {
	over: 55,
	pending: 10,
	active: 6,
	gracePeriod: 2,
	finalizing: 2,
	expired: 9,
	declined: 4,
	archived: 5,
	deleted: 4,
	deletedForPii: 3,
};
const VERIFICATION_WEIGHTS: Record<VerificationStatus, number> = {
	pending: 30,
	verified: 55,
	notVerified: 15,
};

export interface Candidate {
	testTaker: TestTakerRecord;
	pronouns: Pronouns;
	integrations: IntegrationsRecord | null;
}

export interface SessionSpec {
	status?: TestSessionStatus;
	finishDate?: number;
	/** Give finished sessions a verification status even if the test is not proctored. */
	proctored?: boolean;
}

export interface FinishedResultSpec {
	/** Total points, spread over the tasks in order. */
	score?: number;
	/** Points per task, in the test's task order. */
	taskScores?: number[];
	/** versionedCodingScore.value. */
	codingScore?: number;
}

function clamp(value: number, min: number, max: number): number {
	return Math.min(max, Math.max(min, value));
}

export function isFinished(session: SessionRecord): boolean {
	return session.finishDate !== null;
}

/** versionedCodingScore.value for a share of points; `jitter` in [-1, 1] keeps equal scores from mapping to one value. */
function codingScoreFor(fraction: number, range: ScoreRange, jitter: number): number {
	return Math.round(
		clamp(range.min + (range.max - range.min) * fraction + jitter * 25, range.min, range.max),
	);
}

/** Spreads a total over tasks in order, filling each before the next. */
function spreadScore(total: number, maxima: number[]): number[] {
	let left = total;
	return maxima.map((max) => {
		const points = Math.min(max, Math.max(0, left));
		left -= points;
		return points;
	});
}

export class Generator {
	readonly rng: Random;

	private readonly usedIds = new Set<string>();

	/** Recent candidates, so some people take several tests or interviews. */
	private readonly candidatePool: Candidate[] = [];

	private candidateCount = 0;

	/** Last finish date per test, reused now and then to create ties in the listing order. */
	private readonly lastFinishDate = new Map<string, number>();

	constructor(
		seed: number,
		readonly baseTime: number,
	) {
		this.rng = new Random(seed);
	}

	newId(): string {
		let id = this.rng.id();
		while (this.usedIds.has(id)) id = this.rng.id();
		this.usedIds.add(id);
		return id;
	}

	company(): CompanyRecord {
		return {
			id: this.newId(),
			alias: COMPANY.alias,
			name: COMPANY.name,
			logo: `https://cdn.codesignal.com/company-logos/${COMPANY.alias}.png`,
			status: 'active',
			notes: '',
			companyProfileEnabled: false,
			ownedEmailDomains: [COMPANY.domain],
			clientType: 'enterprise',
			lockdownFrameworkEnabled: false,
			customFeatures: {
				numLicenses: 25,
				maxConcurrentPrescreenSessions: 50,
				atsIntegration: true,
				apiIntegration: true,
				sso: true,
				scim: false,
				interviewProctoring: true,
				proctoringRecordAllSessions: false,
				aiAssistant: true,
				candidateMfa: false,
				allPromotingFrameworks: false,
				allAiInterviewerDomains: false,
				taskSets: [],
				frameworkIds: [],
				aiInterviewerDomains: [],
			},
			usedNumericFeatures: { numLicenses: STAFF.length, maxConcurrentPrescreenSessions: 3 },
			planStartDate: this.baseTime - 400 * DAY,
		};
	}

	users(companyId: string): UserRecord[] {
		return STAFF.map((staff) => ({
			id: this.newId(),
			username: staff.username,
			country: 'US',
			profile: { name: staff.name, email: `${staff.username}@${COMPANY.domain}`, avatarUrl: null },
			role: {
				key: staff.role.toLowerCase().replace(/ /g, '-'),
				title: staff.role,
				permissions: [],
				companyId,
			},
		}));
	}

	teams(companyId: string): TeamRecord[] {
		return TEAMS.map((title) => ({ id: this.newId(), title, companyId }));
	}

	/** CodeSignal's library tasks (the catalogue). */
	tasks(): TaskRecord[] {
		return TASK_CATALOGUE.map((definition) => {
			const id = this.newId();
			return taskRecord(definition, id, 'codesignal', this.rng.chance(0.5));
		});
	}

	/** The company's own tasks of the initial world. */
	companyTasks(): TaskRecord[] {
		return COMPANY_TASKS.map((definition) => taskRecord(definition, this.newId(), 'company', false));
	}

	framework(definition: FrameworkDefinition = FRAMEWORKS[0]): FrameworkRecord {
		return {
			id: this.newId(),
			format: definition.format,
			title: definition.title,
			duration: definition.minutes * MINUTE,
			skillSets: definition.skillSets.map((name) => ({ id: this.newId(), name, imageUrl: null })),
			scoringModel: codingScoreModel(),
			slots: definition.slots,
		};
	}

	/** The certified assessment a framework is offered as. */
	certificationTest(framework: FrameworkRecord): StandardizedTestRecord {
		return {
			__typename: 'StandardizedTest',
			id: this.newId(),
			title: framework.title,
			duration: framework.duration,
			frameworkId: framework.id,
			type: 'certification',
			internalDescription: `CodeSignal's certified ${framework.title} assessment.`,
			introMessage: 'This certified assessment is proctored: keep your camera on and work alone.',
			outroMessage: 'Thank you. Your result is shared once the recording has been reviewed.',
		};
	}

	/** TASK_SETS, with each named task listing the set. */
	taskSets(tasks: TaskRecord[]): TaskSetRecord[] {
		return TASK_SETS.map((definition) => {
			const set = { id: this.newId(), name: definition.name };
			for (const title of definition.tasks) {
				tasks.find((task) => task.title === title)?.sets.push(set.id);
			}
			return set;
		});
	}

	test(
		profile: TestProfile,
		catalogue: { tasks: TaskRecord[]; authors: UserRecord[]; framework: FrameworkRecord | null },
	): TestRecord {
		const slots = profile.slots.map(([title, maxScore]) => {
			const task = catalogue.tasks.find((candidate) => candidate.title === title);
			if (!task) throw new Error(`Unknown task "${title}" in test profile "${profile.title}"`);
			return { maxScore, task };
		});
		const maxScore = slots.reduce((sum, slot) => sum + slot.maxScore, 0);
		const scoringModel: ScoringModelRecord =
			profile.scoring === 'raw'
				? { __typename: 'RawScoringModel', type: 'raw', scoreRange: { min: 0, max: maxScore } }
				: codingScoreModel();
		const proctored = catalogue.framework !== null;
		return {
			id: this.newId(),
			title: profile.title,
			externalTitle: proctored ? 'Coding Assessment' : profile.title,
			internalDescription: `${profile.title} (${profile.labels.join(', ')})`,
			introMessage: 'Welcome! Read each task carefully; you can switch between tasks at any time.',
			outroMessage: 'Thank you for completing the assessment. The hiring team will be in touch.',
			duration: (proctored ? 70 : this.rng.pick([60, 70, 90])) * MINUTE,
			createDate: this.baseTime - this.rng.int(30, 400) * DAY,
			labels: [...profile.labels],
			testLabels: profile.labels.map((title) => ({ title, variant: labelVariant(title) })),
			authorId: this.rng.pick(catalogue.authors).id,
			scoringModel,
			slots,
			proctored,
			frameworkId: catalogue.framework?.id ?? null,
			status: 'active',
			defaultExpirationMs: 7 * DAY,
			emailSubject: `Your ${COMPANY.name} coding assessment`,
			emailMessage: `Hi {{candidateFirstName}}, please complete the ${profile.title} before {{expirationDate}}.`,
			emailReminderTemplates: [
				{
					name: 'Friendly reminder',
					subjectLine: 'A reminder about your assessment',
					message: 'Your assessment expires soon.',
				},
				{
					name: 'Last call',
					subjectLine: 'Your assessment expires tomorrow',
					message: 'There is one day left.',
				},
			],
			scoreRangeLabels:
				scoringModel.type === 'raw'
					? []
					: [
							{ label: 'Below the bar', scoreRange: { min: 200, max: 399 } },
							{ label: 'Meets the bar', scoreRange: { min: 400, max: 499 } },
							{ label: 'Strong', scoreRange: { min: 500, max: 600 } },
						],
		};
	}

	candidate(reuseProbability = 0.1): Candidate {
		if (this.candidatePool.length > 0 && this.rng.chance(reuseProbability)) {
			return this.rng.pick(this.candidatePool);
		}
		const female = this.rng.chance(0.5);
		const firstName = this.rng.pick(female ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES);
		const lastName = this.rng.pick(LAST_NAMES);
		this.candidateCount++;
		const email =
			`${firstName}.${lastName}${this.candidateCount}@${this.rng.pick(EMAIL_DOMAINS)}`.toLowerCase();
		const candidate: Candidate = {
			testTaker: { email, firstName, lastName },
			pronouns: female ? SHE : HE,
			integrations: this.rng.chance(0.35)
				? { greenhouseCandidateId: this.rng.digits(9), greenhouseApplicationId: this.rng.digits(9) }
				: null,
		};
		if (this.candidatePool.length < 500) this.candidatePool.push(candidate);
		else this.candidatePool[this.rng.int(0, 499)] = candidate;
		return candidate;
	}

	sessionStatus(): TestSessionStatus {
		return this.rng.weighted(STATUS_WEIGHTS);
	}

	/** A session in the given (or a random) status, with dates and a result consistent with it. */
	session(test: TestRecord, senders: UserRecord[], spec: SessionSpec = {}): SessionRecord {
		const status = spec.status ?? this.sessionStatus();
		const candidate = this.candidate();
		const finished = status === 'over' || status === 'archived' || spec.finishDate !== undefined;
		const dates = finished
			? this.finishedDates(test, spec.finishDate)
			: this.unfinishedDates(test, status);
		const proctored = test.proctored || spec.proctored === true;
		const session: SessionRecord = {
			id: this.newId(),
			testId: test.id,
			status,
			statusBeforeArchive: status === 'archived' ? 'over' : null,
			testTaker:
				status === 'deletedForPii'
					? { email: null, firstName: null, lastName: null }
					: { ...candidate.testTaker },
			...dates,
			customDuration: this.rng.chance(0.05) ? test.duration + 30 * MINUTE : null,
			emailReminders: [],
			verificationStatus: null,
			verificationNotes: '',
			verificationRejectionReasons: null,
			integrityReviewSuggested: finished ? this.rng.chance(0.1) : null,
			integrityReviewFinalized: false,
			integrations: status === 'deletedForPii' ? null : candidate.integrations,
			reactivatedSession: null,
			retakeSessionId: null,
			postSessionRedirectUrl: null,
			externalId: this.rng.chance(0.25) ? `cand-${this.rng.digits(7)}` : null,
			senderId: this.rng.pick(senders).id,
			invitationsSent: 1,
			graded: false,
			result: null,
			detailSeed: this.rng.seed(),
		};
		if (finished) {
			session.result = this.result(test, session.detailSeed);
			if (proctored) this.verify(session, this.rng.weighted(VERIFICATION_WEIGHTS));
		}
		return session;
	}

	/** Sets a verification status the way a reviewer would, with reasons on rejection. */
	verify(session: SessionRecord, status: VerificationStatus): void {
		session.verificationStatus = status;
		session.integrityReviewFinalized = status !== 'pending';
		session.verificationRejectionReasons =
			status === 'notVerified'
				? [
						this.rng.pick(VERIFICATION_REJECTION_REASONS.slice(0, 2)),
						this.rng.pick(VERIFICATION_REJECTION_REASONS.slice(2)),
					].map((reason) => reason.name)
				: null;
		session.verificationNotes =
			status === 'notVerified' ? 'Rejected after review of the recording.' : '';
	}

	/** A result with points per task, as given or generated. */
	result(test: TestRecord, detailSeed: number, spec: FinishedResultSpec = {}): ResultRecord {
		const maxima = test.slots.map((slot) => slot.maxScore);
		const taskScores = spec.taskScores
			? [...spec.taskScores]
			: spec.score !== undefined
				? spreadScore(spec.score, maxima)
				: this.taskScores(test);
		return {
			taskScores,
			codingScore: spec.codingScore ?? this.codingScore(test, taskScores, detailSeed),
		};
	}

	/** Points per task from one skill level; a few candidates submit nothing. */
	private taskScores(test: TestRecord): number[] {
		if (this.rng.chance(0.04)) return test.slots.map(() => 0);
		const skill = (this.rng.float() + this.rng.float()) / 2;
		return test.slots.map((slot) => {
			if (slot.task.mode === 'quiz') return this.rng.chance(skill + 0.2) ? slot.maxScore : 0;
			const share = clamp(skill + (this.rng.float() - 0.5) * 0.5, 0, 1);
			return share > 0.9
				? slot.maxScore
				: Math.round((Math.round(share * 10) * slot.maxScore) / 10);
		});
	}

	/** versionedCodingScore.value for these points, null on raw-scored tests. */
	codingScore(test: TestRecord, taskScores: number[], detailSeed: number): number | null {
		if (test.scoringModel.type === 'raw') return null;
		const maxScore = test.slots.reduce((sum, slot) => sum + slot.maxScore, 0);
		const score = taskScores.reduce((sum, points) => sum + points, 0);
		const jitter = new Random(detailSeed).float() * 2 - 1;
		return codingScoreFor(
			maxScore === 0 ? 0 : score / maxScore,
			test.scoringModel.scoreRange,
			jitter,
		);
	}

	private finishedDates(test: TestRecord, finishDate?: number) {
		const previous = this.lastFinishDate.get(test.id);
		const finish =
			finishDate ??
			(previous !== undefined && this.rng.chance(0.08)
				? previous
				: this.baseTime - this.rng.int(1, 120 * 24 * 60) * MINUTE - this.rng.int(0, 59) * 1000);
		this.lastFinishDate.set(test.id, finish);
		const startDate = finish - this.rng.int(Math.round(test.duration * 0.3), test.duration);
		const createDate = startDate - this.rng.int(1, 5 * 24) * HOUR;
		return {
			createDate,
			startDate,
			finishDate: finish,
			expirationDate: createDate + test.defaultExpirationMs,
		};
	}

	private unfinishedDates(test: TestRecord, status: TestSessionStatus) {
		const inProgress = status === 'active' || status === 'gracePeriod' || status === 'finalizing';
		if (inProgress) {
			const startDate =
				this.baseTime - this.rng.int(1, Math.round(test.duration / MINUTE)) * MINUTE;
			const createDate = startDate - this.rng.int(1, 72) * HOUR;
			return {
				createDate,
				startDate,
				finishDate: null,
				expirationDate: createDate + test.defaultExpirationMs,
			};
		}
		const recent = status === 'pending';
		const createDate = recent
			? this.baseTime - this.rng.int(1, 6 * 24) * HOUR
			: this.baseTime - this.rng.int(8, 120) * DAY - this.rng.int(0, 23) * HOUR;
		return {
			createDate,
			startDate: null,
			finishDate: null,
			expirationDate: createDate + test.defaultExpirationMs,
		};
	}
}

/** Points of a task out of a test, by how its answers look. */
export const TASK_MAX_SCORE: Record<TaskRecord['solutionStyle'], number> = {
	code: 300,
	files: 500,
	sql: 100,
	quiz: 50,
};

/** `balanced-brackets` for "Balanced Brackets". */
export function taskName(title: string): string {
	return title
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');
}

function taskRecord(
	definition: TaskDefinition,
	id: string,
	origin: TaskRecord['origin'],
	isRecentlyUsed: boolean,
): TaskRecord {
	const task: TaskRecord = {
		__typename: definition.typename,
		id,
		name: taskName(definition.title),
		origin,
		title: definition.title,
		description: definition.description,
		generalType: definition.generalType,
		overviewType: definition.generalType,
		mode: definition.mode,
		labels: definition.labels,
		maxScore: TASK_MAX_SCORE[definition.solutionStyle],
		sets: [],
		isRecentlyUsed,
		solutionStyle: definition.solutionStyle,
		functionName: definition.functionName,
		quizOptions: definition.quizOptions,
	};
	if (definition.typename === 'FilesystemTask') {
		Object.assign(task, filesystemTaskFields(definition.functionName));
	}
	if (definition.typename === 'DatabaseTask') {
		task.executionEnvironments = databaseEnvironments();
	}
	return task;
}

function codingScoreModel(): ScoringModelRecord {
	return {
		__typename: 'CodingScore2023ScoringModel',
		type: 'codingScore2023',
		scoreRange: { ...CODING_SCORE_RANGE },
	};
}

export function labelVariant(title: string): string {
	let hash = 0;
	for (const char of title) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
	return LABEL_VARIANTS[hash % LABEL_VARIANTS.length];
}
