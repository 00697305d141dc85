/** The test (assessment) mutations: create, create from a framework, edit, duplicate. */
import { COMPANY } from './content';
import { SandboxError } from './errors';
import { DAY, labelVariant } from './generator';
import type { FrameworkRecord, ReminderTemplateRecord, TestRecord, TestSlot } from './model';
import type { SandboxStore } from './store';
import { checkOwnCompany, checkPositiveDuration } from './validation';

/** TaskSlotInput. */
export interface TaskSlotFields {
	taskIds: string[];
	availableLanguages?: string[] | null;
	availableTestingTools?: string[] | null;
	score?: number | null;
}

/** The fields of CreateCompanyTestInput, CreateCompanyTestFromFrameworkInput and EditCompanyTestInput. */
export interface TestFields {
	frameworkId?: string;
	title?: string | null;
	externalTitle?: string | null;
	autoResolveTitleConflict?: boolean | null;
	internalDescription?: string | null;
	companyId?: string | null;
	authorUserId?: string | null;
	defaultExpiration?: number | null;
	introMessage?: string | null;
	outroMessage?: string | null;
	duration?: number | null;
	tasks?: TaskSlotFields[] | null;
	emailSubject?: string | null;
	emailMessage?: string | null;
	expirationEmailSubject?: string | null;
	expirationEmailMessage?: string | null;
	completionEmailSubject?: string | null;
	completionEmailMessage?: string | null;
	emailReminderTemplates?: ReminderTemplateRecord[] | null;
	emailReminders?: Array<{ templateName: string; timeBeforeExpiration?: number | null }> | null;
	timeZone?: string | null;
	defaultSender?: string | null;
	labels?: string[] | null;
	scoreRangeLabels?: Array<{
		label: string;
		scoreRange: { min?: number | null; max?: number | null };
	}> | null;
	hideScoresFromCandidate?: boolean | null;
	resultDateLimit?: number | null;
}

/** Fields copied as given (null or absent keeps the test's value). */
const PLAIN_FIELDS = [
	'externalTitle',
	'internalDescription',
	'introMessage',
	'outroMessage',
	'emailSubject',
	'emailMessage',
	'expirationEmailSubject',
	'expirationEmailMessage',
	'completionEmailSubject',
	'completionEmailMessage',
	'timeZone',
	'hideScoresFromCandidate',
	'resultDateLimit',
] as const;

const given = <T>(value: T | null | undefined): value is T => value !== undefined && value !== null;

function requireUserId(store: SandboxStore, id: string): string {
	if (!store.getUser(id)) throw new SandboxError(`User "${id}" not found`);
	return id;
}

/** Each slot's first task is the one sessions get; the others must exist too. */
function slotsFor(store: SandboxStore, tasks: TaskSlotFields[]): TestSlot[] {
	if (tasks.length === 0) throw new SandboxError('A test needs at least one task');
	return tasks.map((slot, index) => {
		if (slot.taskIds.length === 0) {
			throw new SandboxError(`tasks[${index}].taskIds must name at least one task`);
		}
		const [task] = slot.taskIds.map((id) => store.requireTask(id));
		if (given(slot.score) && slot.score <= 0) {
			throw new SandboxError(`tasks[${index}].score must be positive, got ${slot.score}`);
		}
		return { maxScore: slot.score ?? task.maxScore, task };
	});
}

function slotsOfFramework(store: SandboxStore, framework: FrameworkRecord): TestSlot[] {
	return framework.slots.map(([title, maxScore]) => {
		const task = store.tasks().find((candidate) => candidate.title === title);
		if (!task) throw new Error(`Framework "${framework.title}" names an unknown task "${title}"`);
		return { maxScore, task };
	});
}

/**
 * Titles are unique in a company: a taken title fails, or with `autoResolve` gets the first free
 * " (2)", " (3)", … suffix.
 */
function freeTitle(store: SandboxStore, title: string, autoResolve: boolean, exceptId?: string): string {
	if (title.trim() === '') throw new SandboxError('title must not be empty');
	const taken = (candidate: string) =>
		store
			.tests()
			.some(
				(test) =>
					test.id !== exceptId && test.title.toLowerCase() === candidate.toLowerCase(),
			);
	if (!taken(title)) return title;
	if (!autoResolve) {
		throw new SandboxError(
			`A test titled "${title}" already exists; choose another title or set autoResolveTitleConflict`,
		);
	}
	let round = 2;
	while (taken(`${title} (${round})`)) round++;
	return `${title} (${round})`;
}

/** A raw-scored test's range follows its points. */
function rescore(test: TestRecord): void {
	if (test.scoringModel.type === 'raw') {
		const max = test.slots.reduce((sum, slot) => sum + slot.maxScore, 0);
		test.scoringModel = { ...test.scoringModel, scoreRange: { min: 0, max } };
	}
}

/** Applies every given field but the title, checking references as CodeSignal would. */
function applyFields(store: SandboxStore, test: TestRecord, fields: TestFields): void {
	checkOwnCompany(store.company.id, fields.companyId);
	checkPositiveDuration('duration', fields.duration);
	checkPositiveDuration('defaultExpiration', fields.defaultExpiration);
	for (const key of PLAIN_FIELDS) {
		if (given(fields[key])) Object.assign(test, { [key]: fields[key] });
	}
	if (given(fields.duration)) test.duration = fields.duration;
	if (given(fields.defaultExpiration)) test.defaultExpirationMs = fields.defaultExpiration;
	if (given(fields.authorUserId)) test.authorId = requireUserId(store, fields.authorUserId);
	if (given(fields.defaultSender)) test.defaultSenderId = requireUserId(store, fields.defaultSender);
	if (given(fields.tasks)) {
		if (test.frameworkId) {
			throw new SandboxError(
				`Cannot change the tasks of test "${test.id}": it is based on a certified assessment`,
			);
		}
		test.slots = slotsFor(store, fields.tasks);
		rescore(test);
	}
	if (given(fields.labels)) {
		const known = store.testLabels();
		test.labels = [...fields.labels];
		test.testLabels = fields.labels.map(
			(title) =>
				known.find((label) => label.title === title) ?? { title, variant: labelVariant(title) },
		);
	}
	if (given(fields.scoreRangeLabels)) {
		test.scoreRangeLabels = fields.scoreRangeLabels.map(({ label, scoreRange }) => ({
			label,
			scoreRange: { min: scoreRange.min ?? 0, max: scoreRange.max ?? 0 },
		}));
	}
	if (given(fields.emailReminderTemplates)) {
		test.emailReminderTemplates = fields.emailReminderTemplates.map((template) => ({ ...template }));
	}
	if (given(fields.emailReminders)) {
		test.emailReminders = fields.emailReminders.map((reminder) => {
			if (!test.emailReminderTemplates.some((template) => template.name === reminder.templateName)) {
				throw new SandboxError(
					`Reminder template "${reminder.templateName}" does not exist on test "${test.id}"`,
				);
			}
			checkPositiveDuration('timeBeforeExpiration', reminder.timeBeforeExpiration);
			return { templateName: reminder.templateName, timeBeforeExpiration: reminder.timeBeforeExpiration ?? null };
		});
	}
}

/** A deep copy that still points at the store's task records. */
function copyOf(test: TestRecord): TestRecord {
	return { ...structuredClone({ ...test, slots: [] }), slots: test.slots.map((slot) => ({ ...slot })) };
}

function announce(store: SandboxStore, event: 'assessmentCreated' | 'assessmentUpdated', test: TestRecord) {
	store.emit({ event, subjectId: test.id, at: store.now() });
	return test;
}

/** A new test before its fields are applied. */
function blankTest(store: SandboxStore, title: string, slots: TestSlot[]): TestRecord {
	const maxScore = slots.reduce((sum, slot) => sum + slot.maxScore, 0);
	return {
		id: store.generator.newId(),
		title,
		externalTitle: title,
		internalDescription: '',
		introMessage: '',
		outroMessage: '',
		duration: 0,
		createDate: store.now(),
		labels: [],
		testLabels: [],
		authorId: store.senders()[0].id,
		scoringModel: { __typename: 'RawScoringModel', type: 'raw', scoreRange: { min: 0, max: maxScore } },
		slots,
		proctored: false,
		frameworkId: null,
		status: 'active',
		defaultExpirationMs: 7 * DAY,
		emailSubject: `Your ${COMPANY.name} assessment`,
		emailMessage: 'Hi {{candidateFirstName}}, please complete the assessment before {{expirationDate}}.',
		emailReminderTemplates: [],
		scoreRangeLabels: [],
	};
}

export function createTest(store: SandboxStore, fields: TestFields): TestRecord {
	const test = blankTest(
		store,
		freeTitle(store, fields.title ?? '', fields.autoResolveTitleConflict === true),
		slotsFor(store, fields.tasks ?? []),
	);
	applyFields(store, test, { ...fields, tasks: undefined });
	store.insertTest(test);
	return announce(store, 'assessmentCreated', test);
}

export function createTestFromFramework(store: SandboxStore, fields: TestFields): TestRecord {
	const framework = store.getFramework(fields.frameworkId ?? null);
	if (!framework) throw new SandboxError(`Framework "${fields.frameworkId}" not found`);
	const test = blankTest(
		store,
		freeTitle(store, fields.title ?? '', fields.autoResolveTitleConflict === true),
		slotsOfFramework(store, framework),
	);
	Object.assign(test, {
		duration: framework.duration,
		scoringModel: { ...framework.scoringModel, scoreRange: { ...framework.scoringModel.scoreRange } },
		proctored: true,
		frameworkId: framework.id,
	});
	applyFields(store, test, fields);
	store.insertTest(test);
	return announce(store, 'assessmentCreated', test);
}

/** Changes all of `fields` or, when one is refused, nothing. */
export function editTest(store: SandboxStore, id: string, fields: TestFields): TestRecord {
	const test = store.requireTest(id);
	const draft = copyOf(test);
	if (given(fields.title)) {
		draft.title = freeTitle(store, fields.title, fields.autoResolveTitleConflict === true, test.id);
	}
	applyFields(store, draft, fields);
	Object.assign(test, draft);
	return announce(store, 'assessmentUpdated', test);
}

/** A copy with the original's tasks, texts and settings, then `fields` applied; it has no sessions. */
export function duplicateTest(store: SandboxStore, id: string, fields: TestFields): TestRecord {
	const original = store.requireTest(id);
	const title = given(fields.title)
		? freeTitle(store, fields.title, fields.autoResolveTitleConflict === true)
		: freeTitle(store, `${original.title} (Copy)`, true);
	const copy: TestRecord = {
		...copyOf(original),
		id: store.generator.newId(),
		title,
		createDate: store.now(),
		status: 'active',
	};
	applyFields(store, copy, fields);
	store.insertTest(copy);
	return announce(store, 'assessmentCreated', copy);
}
