/**
 * The task mutations: create and edit each task kind, task sets, initial sources. CodeSignal's library tasks
 * are read-only to a company; changes are all-or-nothing (a refused field changes nothing).
 */
import { SandboxError } from './errors';
import { TASK_MAX_SCORE } from './generator';
import type { SolutionStyle, TaskRecord, TaskTypename } from './model';
import type { SandboxStore } from './store';
import { checkOwnCompany } from './validation';

/** The kinds the create / edit mutations name (createStandardTask, editQuizTask, updateFrontendTask, ...). */
export type TaskKind =
	| 'standard'
	| 'freeCoding'
	| 'quiz'
	| 'codeReview'
	| 'database'
	| 'freeFilesystem'
	| 'frontend';

/** An input object as graphql-js coerced it (CreateStandardTaskInput, EditQuizInput, ...). */
export type TaskFields = Record<string, unknown>;

interface KindRules {
	/** "a quiz", for messages. */
	label: string;
	typename: TaskTypename;
	generalType: string;
	mode: string;
	solutionStyle: SolutionStyle;
	/** Copies the given fields onto the task, refusing invalid ones. */
	apply(task: TaskRecord, fields: TaskFields): void;
}

const given = (value: unknown) => value !== undefined && value !== null;

/** Fields the schema never serves back, kept in `settings`. */
function keepSettings(task: TaskRecord, fields: TaskFields, keys: string[]): void {
	for (const key of keys) {
		if (given(fields[key])) task.settings = { ...task.settings, [key]: fields[key] };
	}
}

function applyTexts(task: TaskRecord, fields: TaskFields): void {
	if (given(fields.title)) task.title = String(fields.title);
	if (given(fields.description)) task.description = String(fields.description);
	if (given(fields.labels)) task.labels = [...(fields.labels as string[])];
}

function checkTimeLimits(fields: TaskFields): void {
	for (const limit of (fields.timeLimits as Array<{ time: number }> | null | undefined) ?? []) {
		if (limit.time <= 0) throw new SandboxError(`timeLimits: time must be positive, got ${limit.time}`);
	}
	const count = fields.sampleTestCount as number | null | undefined;
	if (given(count) && (count as number) < 0) {
		throw new SandboxError(`sampleTestCount must not be negative, got ${count}`);
	}
}

function nonEmpty(fields: TaskFields, key: string): unknown[] | undefined {
	const list = fields[key] as unknown[] | null | undefined;
	if (!given(list)) return undefined;
	if (list!.length === 0) throw new SandboxError(`${key} must not be empty`);
	return list!;
}

function applyCoding(task: TaskRecord, fields: TaskFields): void {
	applyTexts(task, fields);
	checkTimeLimits(fields);
	keepSettings(task, fields, ['allowedLanguages', 'timeLimits', 'testCasesInput', 'sampleTestCount']);
}

/** A single-answer quiz has exactly one correct option, a multiple-answer one at least one. */
function applyQuiz(task: TaskRecord, fields: TaskFields): void {
	applyTexts(task, fields);
	const options = nonEmpty(fields, 'options') as
		| Array<{ description: string; isCorrect?: boolean | null }>
		| undefined;
	if (options) {
		task.quizOptions = options.map((option) => ({
			description: option.description,
			isCorrect: option.isCorrect === true,
		}));
	}
	keepSettings(task, fields, ['multipleSelect']);
	const correct = (task.quizOptions ?? []).filter((option) => option.isCorrect).length;
	const multiple = task.settings?.multipleSelect === true;
	if (multiple ? correct < 1 : correct !== 1) {
		throw new SandboxError(
			`A ${multiple ? 'multiple' : 'single'}-answer quiz needs ${multiple ? 'at least' : 'exactly'} one correct option, got ${correct}`,
		);
	}
}

function applyCodeReview(task: TaskRecord, fields: TaskFields): void {
	applyTexts(task, fields);
	const environments = nonEmpty(fields, 'executionEnvironments');
	if (environments) task.executionEnvironments = structuredClone(environments);
}

interface DatabaseEnvironmentInput {
	environment: 'mysql' | 'psql' | 'mssql';
	value: {
		setupScript: string;
		teardownScript: string;
		testCases: Array<{ input: string; output: string }>;
		description: string;
		tableNames?: string[] | null;
	};
}

/** The input's list of dialects becomes DatabaseEnvironmentType's one field per dialect. */
function applyDatabase(task: TaskRecord, fields: TaskFields): void {
	applyTexts(task, fields);
	checkTimeLimits(fields);
	keepSettings(task, fields, ['timeLimits', 'sampleTestCount']);
	const environments = nonEmpty(fields, 'executionEnvironments') as DatabaseEnvironmentInput[] | undefined;
	if (!environments) return;
	const byDialect: Record<string, unknown> = { mysql: null, psql: null, mssql: null };
	for (const { environment, value } of environments) {
		if (byDialect[environment]) throw new SandboxError(`executionEnvironments names ${environment} twice`);
		byDialect[environment] = {
			setupScript: value.setupScript,
			teardownScript: value.teardownScript,
			tests: value.testCases,
			description: value.description,
			tableNames: value.tableNames ?? [],
		};
	}
	task.executionEnvironments = byDialect;
}

interface FilesystemEnvironmentInput {
	title: string;
	key?: string | null;
	environment: string;
	pathsExpandedByDefault?: string[] | null;
	[field: string]: unknown;
}

function applyFilesystem(task: TaskRecord, fields: TaskFields): void {
	applyTexts(task, fields);
	const environments = nonEmpty(fields, 'executionEnvironments') as FilesystemEnvironmentInput[] | undefined;
	if (environments) {
		task.executionEnvironments = environments.map((environment) => ({
			filesOpenByDefault: null,
			testingTool: null,
			timeLimit: null,
			unitTests: null,
			ignoredPaths: null,
			postCreateCommand: null,
			...structuredClone(environment),
			key: environment.key ?? environment.environment,
			pathsExpandedByDefault: environment.pathsExpandedByDefault ?? [],
		}));
	}
	for (const key of ['enableNetwork', 'persistentSessionPreview', 'responseRubric'] as const) {
		if (given(fields[key])) Object.assign(task, { [key]: fields[key] });
	}
	const overrides = fields.viewOverrides as { hideRunButton?: boolean | null } | null | undefined;
	if (given(overrides)) task.viewOverrides = { hideRunButton: overrides!.hideRunButton ?? null };
}

function applyFrontend(task: TaskRecord, fields: TaskFields): void {
	const libraries = fields.includedLibraries as Array<{ name: string }> | null | undefined;
	if (given(libraries)) task.settings = { ...task.settings, includedLibraries: libraries!.map((library) => library.name) };
	keepSettings(task, fields, ['allowedStyleLanguages', 'allowedScriptLanguages']);
}

const KINDS: Record<TaskKind, KindRules> = {
	standard: {
		label: 'a standard task',
		typename: 'SingleEnvironmentTask',
		generalType: 'algorithmic',
		mode: 'codewriting',
		solutionStyle: 'code',
		apply: applyCoding,
	},
	freeCoding: {
		label: 'a free coding task',
		typename: 'SingleEnvironmentTask',
		generalType: 'free_coding',
		mode: 'free_form',
		solutionStyle: 'code',
		apply: applyCoding,
	},
	quiz: {
		label: 'a quiz',
		typename: 'SingleEnvironmentTask',
		generalType: 'quiz',
		mode: 'quiz',
		solutionStyle: 'quiz',
		apply: applyQuiz,
	},
	codeReview: {
		label: 'a code review task',
		typename: 'CodeReviewTask',
		generalType: 'code_review',
		mode: 'code_review',
		solutionStyle: 'files',
		apply: applyCodeReview,
	},
	database: {
		label: 'a database task',
		typename: 'DatabaseTask',
		generalType: 'database',
		mode: 'codewriting',
		solutionStyle: 'sql',
		apply: applyDatabase,
	},
	freeFilesystem: {
		label: 'a free filesystem task',
		typename: 'FilesystemTask',
		generalType: 'free_coding',
		mode: 'free_form',
		solutionStyle: 'files',
		apply: applyFilesystem,
	},
	frontend: {
		label: 'a front-end task',
		typename: 'SingleEnvironmentTask',
		generalType: 'frontend',
		mode: 'codewriting',
		solutionStyle: 'files',
		apply: applyFrontend,
	},
};

/** The kind a task is, for the mutations that apply to one kind only. */
export function taskKind(task: TaskRecord): TaskKind {
	if (task.__typename === 'CodeReviewTask') return 'codeReview';
	if (task.__typename === 'DatabaseTask') return 'database';
	if (task.__typename === 'FilesystemTask') return 'freeFilesystem';
	if (task.mode === 'quiz') return 'quiz';
	if (task.generalType === 'free_coding') return 'freeCoding';
	if (task.generalType === 'frontend') return 'frontend';
	return 'standard';
}

/** `mergeIntervals` for "merge-intervals": the name generated solutions use. */
function functionName(name: string): string {
	const words = name.split(/[^A-Za-z0-9]+/).filter(Boolean);
	return words.map((word, index) => (index === 0 ? word : word[0].toUpperCase() + word.slice(1))).join('') || 'solution';
}

function checkFreeName(store: SandboxStore, name: string, exceptId?: string): void {
	if (name.trim() === '') throw new SandboxError('name must not be empty');
	if (store.tasks().some((task) => task.id !== exceptId && task.origin === 'company' && task.name === name)) {
		throw new SandboxError(`A task named "${name}" already exists`);
	}
}

/** A company task of `kind`, or CodeSignal's refusal. */
function requireEditable(store: SandboxStore, id: string, kind?: TaskKind): TaskRecord {
	const task = store.requireTask(id);
	if (task.origin !== 'company') {
		throw new SandboxError(`Task "${id}" was created by CodeSignal and cannot be changed; only your company's tasks can`);
	}
	if (kind && taskKind(task) !== kind) {
		throw new SandboxError(`Task "${id}" is ${KINDS[taskKind(task)].label}, not ${KINDS[kind].label}`);
	}
	return task;
}

/** Applies `fields` to a copy and keeps it only if every field was accepted. */
function change(task: TaskRecord, kind: TaskKind, fields: TaskFields): TaskRecord {
	const draft = structuredClone(task);
	KINDS[kind].apply(draft, fields);
	return Object.assign(task, draft);
}

export function createTask(
	store: SandboxStore,
	kind: Exclude<TaskKind, 'frontend'>,
	fields: TaskFields,
	options: { companyId?: string | null } | null | undefined,
): TaskRecord {
	checkOwnCompany(store.company.id, options?.companyId);
	const name = String(fields.name ?? '');
	checkFreeName(store, name);
	const rules = KINDS[kind];
	const task: TaskRecord = {
		__typename: rules.typename,
		id: store.generator.newId(),
		name,
		origin: 'company',
		title: name,
		description: '',
		generalType: rules.generalType,
		overviewType: rules.generalType,
		mode: rules.mode,
		labels: [],
		maxScore: TASK_MAX_SCORE[rules.solutionStyle],
		sets: [],
		isRecentlyUsed: false,
		solutionStyle: rules.solutionStyle,
		functionName: functionName(name),
		settings: {},
		...(rules.typename === 'FilesystemTask'
			? { enableNetwork: false, persistentSessionSupport: false, persistentSessionPreview: false, hasAiChecker: false }
			: {}),
	};
	rules.apply(task, fields);
	store.insertTask(task);
	return task;
}

export function editTask(store: SandboxStore, kind: TaskKind, id: string, fields: TaskFields): TaskRecord {
	const task = requireEditable(store, id, kind);
	if (given(fields.name)) checkFreeName(store, String(fields.name), task.id);
	const changed = change(task, kind, fields);
	if (given(fields.name)) changed.name = String(fields.name);
	return changed;
}

/** EditTaskSetsInput. */
export interface TaskSetsFields {
	id: string;
	sets: string[];
}

function requireSets(store: SandboxStore, sets: string[]): void {
	if (sets.length === 0) throw new SandboxError('sets must name at least one task set');
	for (const id of sets) {
		if (!store.getTaskSet(id)) throw new SandboxError(`Task set "${id}" not found`);
	}
}

export function addTaskToSets(store: SandboxStore, fields: TaskSetsFields): TaskRecord {
	const task = store.requireTask(fields.id);
	requireSets(store, fields.sets);
	task.sets = [...new Set([...task.sets, ...fields.sets])];
	return task;
}

export function removeTaskFromSets(store: SandboxStore, fields: TaskSetsFields): TaskRecord {
	const task = store.requireTask(fields.id);
	requireSets(store, fields.sets);
	task.sets = task.sets.filter((set) => !fields.sets.includes(set));
	return task;
}

/** A company coding task (not a quiz) whose candidates may use `language`. */
function requireSourceTask(store: SandboxStore, id: string, language: string): TaskRecord {
	const task = requireEditable(store, id);
	if (task.__typename !== 'SingleEnvironmentTask' || task.mode === 'quiz') {
		throw new SandboxError(`Task "${id}" is ${KINDS[taskKind(task)].label}: it has no initial source`);
	}
	const allowed = task.settings?.allowedLanguages as string[] | undefined;
	if (allowed && !allowed.includes(language)) {
		throw new SandboxError(`Task "${id}" does not allow ${language} (allowed: ${allowed.join(', ')})`);
	}
	return task;
}

function initialSources(task: TaskRecord): Record<string, string> {
	return (task.settings?.initialSources as Record<string, string> | undefined) ?? {};
}

/** Replaces the code the candidate starts from in `language`. */
export function setTaskInitialSource(store: SandboxStore, id: string, language: string, source: string): TaskRecord {
	const task = requireSourceTask(store, id, language);
	task.settings = { ...task.settings, initialSources: { ...initialSources(task), [language]: source } };
	return task;
}

/** Removes the initial source of `language` (nothing to remove is no error). */
export function unsetTaskInitialSource(store: SandboxStore, id: string, language: string): TaskRecord {
	const task = requireSourceTask(store, id, language);
	const { [language]: _removed, ...others } = initialSources(task);
	task.settings = { ...task.settings, initialSources: others };
	return task;
}
