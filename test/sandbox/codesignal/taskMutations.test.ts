import {
	CODE_REVIEW_TASK_FIELDS,
	DATABASE_TASK_FIELDS,
	FILESYSTEM_TASK_FIELDS,
	SINGLE_ENVIRONMENT_TASK_FIELDS,
	TASK_FIELDS,
} from '../../../nodes/CodeSignal/helpers/tasks';
import { startCodeSignalSandbox, type CodeSignalSandbox } from '../../../sandbox/codesignal';
import { data, firstError, graphql } from './helpers';

const mutation = (field: string, input: string, selection: string, create = true) =>
	create
		? `mutation ($fields: ${input}!, $options: CreateTaskOptionsInput) { ${field}(taskFields: $fields, options: $options) { ${selection} } }`
		: `mutation ($id: ID!, $fields: ${input}!) { ${field}(id: $id, taskFields: $fields) { ${selection} } }`;

const CREATE_STANDARD = mutation('createStandardTask', 'CreateStandardTaskInput', SINGLE_ENVIRONMENT_TASK_FIELDS);
const EDIT_STANDARD = mutation('editStandardTask', 'EditStandardTaskInput', SINGLE_ENVIRONMENT_TASK_FIELDS, false);
const CREATE_QUIZ = mutation('createQuizTask', 'CreateQuizInput', SINGLE_ENVIRONMENT_TASK_FIELDS);
const EDIT_QUIZ = mutation('editQuizTask', 'EditQuizInput', SINGLE_ENVIRONMENT_TASK_FIELDS, false);
const CREATE_FREE_CODING = mutation('createFreeCodingTask', 'CreateFreeCodingTaskInput', SINGLE_ENVIRONMENT_TASK_FIELDS);
const EDIT_FREE_CODING = mutation('editFreeCodingTask', 'EditStandardTaskInput', SINGLE_ENVIRONMENT_TASK_FIELDS, false);
const CREATE_CODE_REVIEW = mutation('createCodeReviewTask', 'CreateCodeReviewTaskInput', CODE_REVIEW_TASK_FIELDS);
const EDIT_CODE_REVIEW = mutation('editCodeReviewTask', 'EditCodeReviewTaskInput', CODE_REVIEW_TASK_FIELDS, false);
const CREATE_DATABASE = mutation('createDatabaseTask', 'CreateDatabaseTaskInput', DATABASE_TASK_FIELDS);
const EDIT_DATABASE = mutation('editDatabaseTask', 'EditDatabaseTaskInput', DATABASE_TASK_FIELDS, false);
const CREATE_FILESYSTEM = mutation('createFreeFilesystemTask', 'CreateFreeFilesystemTaskInput', FILESYSTEM_TASK_FIELDS);
const EDIT_FILESYSTEM = mutation('editFreeFilesystemTask', 'EditFreeFilesystemTaskInput', FILESYSTEM_TASK_FIELDS, false);

const CODE_REVIEW_ENVIRONMENT = {
	title: 'Python',
	description: 'Review the pagination change',
	environment: 'py3',
	initialFiles: [{ path: 'app.py', source: 'def page(items): ...\n' }],
	codeChanges: [{ path: 'app.py', changeType: 'modified', source: 'def page(items, size=20): ...\n' }],
};
const DATABASE_ENVIRONMENT = {
	environment: 'psql',
	value: {
		setupScript: 'CREATE TABLE t (id INT);',
		teardownScript: 'DROP TABLE t;',
		testCases: [{ input: 'empty table', output: '0' }],
		description: 'PostgreSQL 16',
	},
};
const FILESYSTEM_ENVIRONMENT = {
	title: 'Node',
	environment: 'ts',
	environmentType: 'language',
	description: 'Node 20',
	files: [{ path: 'src/index.ts', source: 'export {};\n' }],
	unitTests: [{ title: 'works', weight: 1 }],
};

describe('CodeSignal sandbox: task mutations', () => {
	let sandbox: CodeSignalSandbox;

	beforeAll(async () => {
		sandbox = await startCodeSignalSandbox({ rateLimit: { perSecond: 1000 } });
	});
	afterAll(async () => await sandbox.close());

	const readTask = async (id: string) =>
		(await data(sandbox, `query ($id: ID!) { task(id: $id) { ${SINGLE_ENVIRONMENT_TASK_FIELDS} } }`, { id })).task;
	const library = (title: string) => sandbox.store.tasks().find((task) => task.title === title)!;

	it('creates a standard task that reads back, and edits it', async () => {
		const { createStandardTask: created } = await data(sandbox, CREATE_STANDARD, {
			fields: {
				name: 'sum-of-pairs',
				title: 'Sum of Pairs',
				description: 'Count the pairs that sum to k.',
				allowedLanguages: ['py3', 'ts'],
				testCasesInput: {
					inputFormat: [{ type: 'array_integer', name: 'a' }],
					outputFormat: { type: 'integer' },
					testCases: [{ input: ['[1,2,3]'], output: '1' }],
				},
			},
		});
		expect(created).toMatchObject({
			__typename: 'SingleEnvironmentTask',
			title: 'Sum of Pairs',
			generalType: 'algorithmic',
			mode: 'codewriting',
			sets: [],
		});
		expect(await readTask(created.id)).toEqual(created);
		expect(sandbox.store.getTask(created.id)).toMatchObject({ origin: 'company', settings: { allowedLanguages: ['py3', 'ts'] } });

		const { editStandardTask: edited } = await data(sandbox, EDIT_STANDARD, {
			id: created.id,
			fields: { description: 'Count the pairs whose sum is k.', sampleTestCount: 1 },
		});
		expect(edited).toMatchObject({ title: 'Sum of Pairs', description: 'Count the pairs whose sum is k.' });
		expect((await readTask(created.id)).description).toBe('Count the pairs whose sum is k.');
		expect(firstError(await graphql(sandbox, CREATE_STANDARD, { fields: { name: 'sum-of-pairs' } }))).toBe(
			'A task named "sum-of-pairs" already exists',
		);
	});

	it('creates and edits quizzes, free coding, code review, database and filesystem tasks', async () => {
		const quiz = (
			await data(sandbox, CREATE_QUIZ, {
				fields: {
					name: 'http-verbs',
					description: 'Which verb is idempotent?',
					options: [{ description: 'PUT', isCorrect: true }, { description: 'POST' }],
					multipleSelect: false,
				},
			})
		).createQuizTask;
		expect(quiz).toMatchObject({ title: 'http-verbs', mode: 'quiz', description: 'Which verb is idempotent?' });
		await data(sandbox, EDIT_QUIZ, {
			id: quiz.id,
			fields: { options: [{ description: 'GET', isCorrect: true }, { description: 'PUT', isCorrect: true }], multipleSelect: true },
		});
		expect(sandbox.store.getTask(quiz.id)!.quizOptions).toEqual([
			{ description: 'GET', isCorrect: true },
			{ description: 'PUT', isCorrect: true },
		]);

		const freeCoding = (await data(sandbox, CREATE_FREE_CODING, { fields: { name: 'refactor-me', title: 'Refactor' } }))
			.createFreeCodingTask;
		expect(freeCoding).toMatchObject({ generalType: 'free_coding', mode: 'free_form' });
		expect((await data(sandbox, EDIT_FREE_CODING, { id: freeCoding.id, fields: { title: 'Refactor It' } })).editFreeCodingTask.title).toBe(
			'Refactor It',
		);

		const review = (
			await data(sandbox, CREATE_CODE_REVIEW, {
				fields: { name: 'review-pagination', labels: ['python'], executionEnvironments: [CODE_REVIEW_ENVIRONMENT] },
			})
		).createCodeReviewTask;
		expect(review).toMatchObject({ __typename: 'CodeReviewTask', labels: ['python'], executionEnvironments: [CODE_REVIEW_ENVIRONMENT] });
		const renamed = (await data(sandbox, EDIT_CODE_REVIEW, { id: review.id, fields: { name: 'review-paging', labels: [] } }))
			.editCodeReviewTask;
		expect(renamed.labels).toEqual([]);
		expect(sandbox.store.getTask(review.id)!.name).toBe('review-paging');

		const database = (
			await data(sandbox, CREATE_DATABASE, { fields: { name: 'count-rows', executionEnvironments: [DATABASE_ENVIRONMENT] } })
		).createDatabaseTask;
		expect(database.executionEnvironments).toEqual({
			mysql: null,
			psql: { ...DATABASE_ENVIRONMENT.value, tests: DATABASE_ENVIRONMENT.value.testCases, testCases: undefined, tableNames: [] },
			mssql: null,
		});
		const retitled = (await data(sandbox, EDIT_DATABASE, { id: database.id, fields: { title: 'Count Rows' } })).editDatabaseTask;
		expect(retitled.title).toBe('Count Rows');

		const filesystem = (
			await data(sandbox, CREATE_FILESYSTEM, {
				fields: { name: 'node-service', executionEnvironments: [FILESYSTEM_ENVIRONMENT], viewOverrides: { hideRunButton: true } },
			})
		).createFreeFilesystemTask;
		expect(filesystem).toMatchObject({
			executionEnvironments: [{ ...FILESYSTEM_ENVIRONMENT, key: 'ts', pathsExpandedByDefault: [], files: [{ isFolder: null }] }],
			enableNetwork: false,
			viewOverrides: { hideRunButton: true },
		});
		await data(sandbox, EDIT_FILESYSTEM, { id: filesystem.id, fields: { enableNetwork: true } });
		const { filesystemTask } = await data(sandbox, 'query ($id: ID!) { filesystemTask(id: $id) { enableNetwork } }', {
			id: filesystem.id,
		});
		expect(filesystemTask.enableNetwork).toBe(true);
	});

	it('refuses wrong answers, the wrong kind, CodeSignal\'s own tasks and another company, changing nothing', async () => {
		const quiz = (
			await data(sandbox, CREATE_QUIZ, {
				fields: { name: 'one-answer', description: 'Q', options: [{ description: 'A', isCorrect: true }], multipleSelect: false },
			})
		).createQuizTask;
		const answer = await graphql(sandbox, EDIT_QUIZ, {
			id: quiz.id,
			fields: { title: 'Changed', options: [{ description: 'A', isCorrect: true }, { description: 'B', isCorrect: true }] },
		});
		expect(firstError(answer)).toBe('A single-answer quiz needs exactly one correct option, got 2');
		expect(sandbox.store.getTask(quiz.id)!.title).toBe('one-answer');
		expect(firstError(await graphql(sandbox, EDIT_STANDARD, { id: quiz.id, fields: { title: 'X' } }))).toBe(
			`Task "${quiz.id}" is a quiz, not a standard task`,
		);
		const catalogued = library('Balanced Brackets');
		expect(firstError(await graphql(sandbox, EDIT_STANDARD, { id: catalogued.id, fields: { title: 'Mine' } }))).toBe(
			`Task "${catalogued.id}" was created by CodeSignal and cannot be changed; only your company's tasks can`,
		);
		expect(
			firstError(await graphql(sandbox, CREATE_STANDARD, { fields: { name: 'elsewhere' }, options: { companyId: 'other' } })),
		).toBe('Access Denied');
		expect(firstError(await graphql(sandbox, EDIT_STANDARD, { id: 'ghost', fields: {} }))).toBe('Task "ghost" not found');
	});

	it('updates the libraries and languages of a front-end task', async () => {
		const frontend = sandbox.store.tasks().find((task) => task.generalType === 'frontend')!;
		const UPDATE = `mutation ($id: ID!, $patch: UpdateFrontendTaskInput!) { updateFrontendTask(id: $id, patch: $patch) { id title } }`;
		await data(sandbox, UPDATE, {
			id: frontend.id,
			patch: { includedLibraries: [{ name: 'react' }], allowedScriptLanguages: ['tsx'], allowedStyleLanguages: ['css'] },
		});
		expect(sandbox.store.getTask(frontend.id)!.settings).toEqual({
			includedLibraries: ['react'],
			allowedScriptLanguages: ['tsx'],
			allowedStyleLanguages: ['css'],
		});
		const standard = (await data(sandbox, CREATE_STANDARD, { fields: { name: 'not-front-end' } })).createStandardTask;
		expect(firstError(await graphql(sandbox, UPDATE, { id: standard.id, patch: {} }))).toBe(
			`Task "${standard.id}" is a standard task, not a front-end task`,
		);
	});

	it('adds a task to sets, where it is then listed, and removes it again', async () => {
		const task = library('Matrix Rotation');
		const [backend, frontend] = sandbox.store.taskSets();
		const ADD = `mutation ($input: EditTaskSetsInput!) { addTaskToSets(editTaskSetsInput: $input) { ${TASK_FIELDS} } }`;
		const REMOVE = `mutation ($input: EditTaskSetsInput!) { removeTaskFromSets(editTaskSetsInput: $input) { id sets } }`;
		const added = (await data(sandbox, ADD, { input: { id: task.id, sets: [backend.id, frontend.id, backend.id] } })).addTaskToSets;
		expect(added).toMatchObject({ id: task.id, sets: [backend.id, frontend.id], description: task.description });
		expect((await readTask(task.id)).sets).toEqual([backend.id, frontend.id]);
		expect((await data(sandbox, REMOVE, { input: { id: task.id, sets: [backend.id] } })).removeTaskFromSets.sets).toEqual([
			frontend.id,
		]);
		expect(firstError(await graphql(sandbox, ADD, { input: { id: task.id, sets: ['ghost'] } }))).toBe('Task set "ghost" not found');
		expect(firstError(await graphql(sandbox, ADD, { input: { id: task.id, sets: [] } }))).toBe(
			'sets must name at least one task set',
		);
	});

	it('sets and unsets the initial source of a language', async () => {
		const created = (
			await data(sandbox, CREATE_STANDARD, { fields: { name: 'starter-code', allowedLanguages: ['py3', 'js'] } })
		).createStandardTask;
		const SET = 'mutation ($id: ID!, $language: LanguageName!, $source: String!) { setTaskInitialSource(id: $id, language: $language, source: $source) { id } }';
		const UNSET = 'mutation ($id: ID!, $language: LanguageName!) { unsetTaskInitialSource(id: $id, language: $language) { id } }';
		await data(sandbox, SET, { id: created.id, language: 'py3', source: 'def solution(a):\n    pass\n' });
		await data(sandbox, SET, { id: created.id, language: 'js', source: 'function solution(a) {}\n' });
		await data(sandbox, UNSET, { id: created.id, language: 'js' });
		expect(sandbox.store.getTask(created.id)!.settings!.initialSources).toEqual({ py3: 'def solution(a):\n    pass\n' });
		expect(firstError(await graphql(sandbox, SET, { id: created.id, language: 'go', source: '' }))).toBe(
			`Task "${created.id}" does not allow go (allowed: py3, js)`,
		);
		const { createQuizTask: quiz } = await data(sandbox, CREATE_QUIZ, {
			fields: { name: 'no-source', description: 'Q', options: [{ description: 'A', isCorrect: true }], multipleSelect: false },
		});
		expect(firstError(await graphql(sandbox, UNSET, { id: quiz.id, language: 'py3' }))).toBe(
			`Task "${quiz.id}" is a quiz: it has no initial source`,
		);
	});
});

describe('CodeSignal sandbox: task sets and CodeSignal\'s library', () => {
	let sandbox: CodeSignalSandbox;

	beforeAll(async () => {
		sandbox = await startCodeSignalSandbox({ rateLimit: { perSecond: 1000 } });
	});
	afterAll(async () => await sandbox.close());

	it('pages the task sets, whose tasks name them', async () => {
		const sets = sandbox.store.taskSets();
		const LIST = 'query ($first: Int!, $offset: Int) { taskSets(first: $first, offset: $offset) { totalCount pageInfo { hasNextPage } taskSets { id name } } }';
		const first = await data(sandbox, LIST, { first: 3 });
		const rest = await data(sandbox, LIST, { first: 3, offset: 3 });
		expect(first.taskSets).toMatchObject({ totalCount: sets.length, pageInfo: { hasNextPage: true } });
		expect([...first.taskSets.taskSets, ...rest.taskSets.taskSets]).toEqual(sets);
		const backend = sets.find((set) => set.name === 'Backend Essentials')!;
		expect(sandbox.store.tasks().filter((task) => task.sets.includes(backend.id)).map((task) => task.title)).toEqual([
			'Balanced Brackets',
			'Orders REST Endpoint',
		]);
	});

	it('searches CodeSignal\'s tasks by name or title, of every kind, and never the company\'s', async () => {
		const SEARCH = `query ($name: String!) { codesignalCreatedTasks(name: $name) { ${TASK_FIELDS} } }`;
		const quizzes = (await data(sandbox, SEARCH, { name: 'QUIZ' })).codesignalCreatedTasks;
		expect(quizzes.map((task: any) => task.title)).toEqual(['HTTP Caching Quiz', 'Complexity Quiz']);
		const byName = (await data(sandbox, SEARCH, { name: 'orders-rest' })).codesignalCreatedTasks;
		expect(byName).toEqual([expect.objectContaining({ __typename: 'FilesystemTask', title: 'Orders REST Endpoint' })]);
		const all = (await data(sandbox, SEARCH, { name: '' })).codesignalCreatedTasks;
		expect(new Set(all.map((task: any) => task.__typename))).toEqual(
			new Set(['SingleEnvironmentTask', 'FilesystemTask', 'DatabaseTask']),
		);
		expect(all.map((task: any) => task.title)).not.toContain('Pricing Card Component');
	});
});
