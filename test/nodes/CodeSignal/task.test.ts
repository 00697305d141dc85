import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { CodeSignal } from '../../../nodes/CodeSignal/CodeSignal.node';
import type { CodeSignalSandbox } from '../../../sandbox/codesignal';
import { pickListContext, runError, runJson, startSandbox } from './harness';

/** Well-formed: these cases fail on other fields before anything is sent. */
const VALID_ID = 'Valid1234567890ab';

let sandbox: CodeSignalSandbox;

beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.resetStats());

const libraryTask = (title: string) => sandbox.store.tasks().find((task) => task.title === title)!;
const task = (parameters: object) => runJson(sandbox, { resource: 'task', ...parameters });
const create = async (taskType: string, parameters: object) => (await task({ operation: 'create', taskType, ...parameters }))[0];

describe('Task → Get', () => {
	it('reads a coding task, with its description and sets', async () => {
		const brackets = libraryTask('Balanced Brackets');
		const [item] = await task({ operation: 'get', taskId: brackets.id });
		expect(item).toEqual({
			kind: 'SingleEnvironmentTask',
			id: brackets.id,
			title: 'Balanced Brackets',
			description: brackets.description,
			generalType: 'algorithmic',
			overviewType: 'algorithmic',
			mode: 'codewriting',
			labels: brackets.labels,
			maxScore: brackets.maxScore,
			sets: brackets.sets,
			isRecentlyUsed: brackets.isRecentlyUsed,
			levelIds: [],
		});
	});

	it('reads a filesystem task with its environments, files and unit tests', async () => {
		const orders = libraryTask('Orders REST Endpoint');
		const [item] = await task({ operation: 'get', taskType: 'filesystem', taskId: orders.id });
		expect(item).toMatchObject({ kind: 'FilesystemTask', id: orders.id, enableNetwork: false });
		expect(item.executionEnvironments).toEqual(orders.executionEnvironments);
	});

	it('says "not found" when the ID is not a task of the chosen type', async () => {
		const orders = libraryTask('Orders REST Endpoint');
		expect((await runError(sandbox, { resource: 'task', operation: 'get', taskId: orders.id })).message).toBe(
			`Task "${orders.id}" not found`,
		);
	});
});

describe('Task → Get Many CodeSignal-Created and Get Many Task Sets', () => {
	it('searches CodeSignal\'s library by name, up to the limit', async () => {
		const quizzes = await task({ operation: 'getAllCodeSignalCreated', name: 'quiz', returnAll: true });
		expect(quizzes.map((item) => item.title)).toEqual(['HTTP Caching Quiz', 'Complexity Quiz']);
		expect(quizzes[0]).toMatchObject({ kind: 'SingleEnvironmentTask', description: libraryTask('HTTP Caching Quiz').description });
		expect(await task({ operation: 'getAllCodeSignalCreated', name: 'quiz', returnAll: false, limit: 1 })).toHaveLength(1);
		expect(sandbox.stats().requests).toBe(2);
	});

	it('lists the task sets', async () => {
		expect(await task({ operation: 'getAllSets', returnAll: true })).toEqual(sandbox.store.taskSets());
		expect(await task({ operation: 'getAllSets', returnAll: false, limit: 2 })).toEqual(sandbox.store.taskSets().slice(0, 2));
	});

	it('offers the task sets as a pick list', async () => {
		const { loadOptions } = new CodeSignal().methods;
		expect(await loadOptions.getTaskSets.call(pickListContext(sandbox))).toEqual(
			sandbox.store.taskSets().map((set) => ({ name: set.name, value: set.id })),
		);
	});
});

describe('Task → Create', () => {
	it('creates a standard task: guided fields over the JSON, the test cases from the JSON', async () => {
		const testCasesInput = {
			inputFormat: [{ type: 'array_integer', name: 'numbers' }],
			outputFormat: { type: 'integer' },
			testCases: [{ input: ['[1, 2, 3]'], output: '6' }],
		};
		const item = await create('standard', {
			name: 'sum-all',
			taskFieldsJson: JSON.stringify({ title: 'From the JSON', description: 'Add them up.', testCasesInput }),
			additionalFields: { title: 'Sum All', allowedLanguages: ['py3', 'java'], sampleTestCount: 1 },
		});
		expect(item).toMatchObject({ kind: 'SingleEnvironmentTask', title: 'Sum All', description: 'Add them up.', mode: 'codewriting' });
		expect(sandbox.store.getTask(item.id)).toMatchObject({
			name: 'sum-all',
			settings: { allowedLanguages: ['py3', 'java'], sampleTestCount: 1, testCasesInput },
		});
		const [read] = await task({ operation: 'get', taskId: item.id });
		expect(read).toEqual(item);
	});

	it('creates a quiz from its question and answers', async () => {
		const item = await create('quiz', {
			name: 'rest-verbs',
			question: 'Which verbs are idempotent?',
			answers: { answer: [{ description: 'PUT', isCorrect: true }, { description: 'DELETE', isCorrect: true }, { description: 'POST' }] },
			multipleSelect: true,
		});
		expect(item).toMatchObject({ mode: 'quiz', title: 'rest-verbs', description: 'Which verbs are idempotent?' });
		expect(sandbox.store.getTask(item.id)!.quizOptions).toEqual([
			{ description: 'PUT', isCorrect: true },
			{ description: 'DELETE', isCorrect: true },
			{ description: 'POST', isCorrect: false },
		]);
	});

	it('creates free coding, code review, database and free filesystem tasks', async () => {
		const freeCoding = await create('freeCoding', {
			name: 'design-cache',
			additionalFields: { description: 'Design an LRU cache.', companyId: sandbox.store.company.id },
		});
		expect(freeCoding).toMatchObject({ generalType: 'free_coding', description: 'Design an LRU cache.' });

		const environment = {
			title: 'Go',
			description: 'Review the retry change',
			environment: 'go',
			initialFiles: [{ path: 'retry.go', source: 'package retry\n' }],
			codeChanges: [{ path: 'retry.go', changeType: 'modified', source: 'package retry // v2\n' }],
		};
		const review = await create('codeReview', {
			name: 'review-retry',
			taskFieldsJson: { executionEnvironments: [environment] },
			additionalFields: { labels: 'go, review' },
		});
		expect(review).toMatchObject({ kind: 'CodeReviewTask', labels: ['go', 'review'], executionEnvironments: [environment] });

		const database = await create('database', {
			name: 'top-customers',
			taskFieldsJson: {
				executionEnvironments: [
					{
						environment: 'mysql',
						value: {
							setupScript: 'CREATE TABLE c (id INT);',
							teardownScript: 'DROP TABLE c;',
							testCases: [{ input: 'three customers', output: '3' }],
							description: 'MySQL 8',
							tableNames: ['c'],
						},
					},
				],
			},
			additionalFields: { title: 'Top Customers' },
		});
		expect(database).toMatchObject({ kind: 'DatabaseTask', title: 'Top Customers' });
		expect(database.executionEnvironments).toEqual([
			{
				environment: 'mysql',
				setupScript: 'CREATE TABLE c (id INT);',
				teardownScript: 'DROP TABLE c;',
				tests: [{ input: 'three customers', output: '3' }],
				description: 'MySQL 8',
				tableNames: ['c'],
			},
		]);

		const filesystem = await create('freeFilesystem', {
			name: 'todo-api',
			taskFieldsJson: {
				executionEnvironments: [
					{
						title: 'Node',
						environment: 'ts',
						environmentType: 'language',
						description: 'Node 20',
						files: [{ path: 'src/app.ts', source: 'export {};\n' }],
					},
				],
				enableNetwork: false,
			},
			additionalFields: { enableNetwork: true, hideRunButton: true, responseRubric: 'Tests pass; code is readable.' },
		});
		expect(filesystem).toMatchObject({
			kind: 'FilesystemTask',
			enableNetwork: true,
			viewOverrides: { hideRunButton: true },
			responseRubric: 'Tests pass; code is readable.',
			executionEnvironments: [{ key: 'ts', files: [{ path: 'src/app.ts' }] }],
		});
	});

	it('says when CodeSignal refuses a name the company already uses', async () => {
		await create('standard', { name: 'twice' });
		const error = await runError(sandbox, { resource: 'task', operation: 'create', taskType: 'standard', name: 'twice' });
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('CodeSignal could not create the standard task: A task named "twice" already exists');
	});
});

describe('Task → Update', () => {
	it('overwrites the fields given, which then read back edited', async () => {
		const created = await create('standard', { name: 'to-edit', additionalFields: { title: 'Before', description: 'Stays' } });
		const [item] = await task({ operation: 'update', taskType: 'standard', taskId: created.id, updateFields: { title: 'After' } });
		expect(item).toMatchObject({ id: created.id, title: 'After', description: 'Stays' });
		const [read] = await task({ operation: 'get', taskId: created.id });
		expect(read.title).toBe('After');
	});

	it('replaces a quiz\'s answers, renames a filesystem task and updates a front-end task', async () => {
		const quiz = await create('quiz', {
			name: 'one-of-two',
			question: 'Pick one',
			answers: { answer: [{ description: 'A', isCorrect: true }, { description: 'B' }] },
		});
		await task({
			operation: 'update',
			taskType: 'quiz',
			taskId: quiz.id,
			updateFields: { answers: { answer: [{ description: 'C' }, { description: 'D', isCorrect: true }] } },
		});
		expect(sandbox.store.getTask(quiz.id)!.quizOptions).toEqual([
			{ description: 'C', isCorrect: false },
			{ description: 'D', isCorrect: true },
		]);

		const filesystem = libraryTask('Orders REST Endpoint');
		const own = await create('freeFilesystem', {
			name: 'fs-before',
			taskFieldsJson: { executionEnvironments: filesystem.executionEnvironments },
		});
		await task({ operation: 'update', taskType: 'freeFilesystem', taskId: own.id, updateFields: { name: 'fs-after', labels: 'api' } });
		expect(sandbox.store.getTask(own.id)).toMatchObject({ name: 'fs-after', labels: ['api'] });

		const frontend = sandbox.store.tasks().find((candidate) => candidate.generalType === 'frontend')!;
		const [updated] = await task({
			operation: 'update',
			taskType: 'frontend',
			taskId: frontend.id,
			updateFields: { includedLibraries: 'react, react-dom', allowedScriptLanguages: ['jsx', 'tsx'], allowedStyleLanguages: ['scss'] },
		});
		expect(updated).toMatchObject({ id: frontend.id, generalType: 'frontend' });
		expect(sandbox.store.getTask(frontend.id)!.settings).toEqual({
			includedLibraries: ['react', 'react-dom'],
			allowedScriptLanguages: ['jsx', 'tsx'],
			allowedStyleLanguages: ['scss'],
		});
	});

	it('says when CodeSignal refuses to change one of its own tasks', async () => {
		const brackets = libraryTask('Balanced Brackets');
		const error = await runError(sandbox, {
			resource: 'task',
			operation: 'update',
			taskType: 'standard',
			taskId: brackets.id,
			updateFields: { title: 'Mine now' },
		});
		expect(error.message).toBe(
			`CodeSignal could not edit the standard task: Task "${brackets.id}" was created by CodeSignal and cannot be changed; only your company's tasks can`,
		);
	});
});

describe('Task → Add to Sets and Remove From Sets', () => {
	it('adds a task to sets, where Get then lists it, and takes it out again', async () => {
		const matrix = libraryTask('Matrix Rotation');
		const [first, second] = sandbox.store.taskSets();
		const [added] = await task({ operation: 'addToSets', taskId: matrix.id, sets: [first.id, second.id] });
		expect(added).toMatchObject({ id: matrix.id, sets: [first.id, second.id], description: matrix.description });
		expect((await task({ operation: 'get', taskId: matrix.id }))[0].sets).toEqual([first.id, second.id]);
		const [removed] = await task({ operation: 'removeFromSets', taskId: matrix.id, sets: [first.id] });
		expect(removed.sets).toEqual([second.id]);
	});
});

describe('Task → Set and Unset Initial Source', () => {
	it('sets the starting code of a language, replaces it, and deletes it', async () => {
		const created = await create('standard', { name: 'with-starter', additionalFields: { allowedLanguages: ['py3', 'js'] } });
		const setSource = (language: string, source: string) =>
			task({ operation: 'setInitialSource', taskId: created.id, language, source });
		await setSource('py3', 'def solution():\n    pass\n');
		await setSource('js', 'function solution() {}\n');
		await setSource('js', 'const solution = () => {};\n');
		expect(sandbox.store.getTask(created.id)!.settings!.initialSources).toEqual({
			py3: 'def solution():\n    pass\n',
			js: 'const solution = () => {};\n',
		});
		const [item] = await task({ operation: 'unsetInitialSource', taskId: created.id, language: 'py3' });
		expect(item.id).toBe(created.id);
		expect(sandbox.store.getTask(created.id)!.settings!.initialSources).toEqual({ js: 'const solution = () => {};\n' });
	});
});

describe('Task: bad input names the field and sends nothing', () => {
	it.each([
		['Get without an ID', { operation: 'get', taskId: '' }, 'Task ID is required'],
		['Get with a malformed ID', { operation: 'get', taskId: 'a/b' }, 'Task ID must be a CodeSignal ID (letters and digits only), got "a/b"'],
		['Get Many CodeSignal-Created without a name', { operation: 'getAllCodeSignalCreated', name: ' ', returnAll: true }, 'Name is required'],
		['Get Many Task Sets with a limit of 0', { operation: 'getAllSets', returnAll: false, limit: 0 }, 'Limit must be a whole number at least 1, got "0"'],
		['Create without a name', { operation: 'create', taskType: 'standard', name: '' }, 'Name is required'],
		[
			'Create a quiz without its question',
			{ operation: 'create', taskType: 'quiz', name: 'q', question: '', answers: { answer: [{ description: 'A', isCorrect: true }] } },
			'Question is required',
		],
		[
			'Create for a malformed company ID',
			{ operation: 'create', taskType: 'standard', name: 'x', additionalFields: { companyId: 'acme robotics' } },
			'Company ID must be a CodeSignal ID (letters and digits only), got "acme robotics"',
		],
		[
			'Create with an unknown language',
			{ operation: 'create', taskType: 'freeCoding', name: 'x', additionalFields: { allowedLanguages: ['py3', 'html'] } },
			'Allowed Languages must be one of CodeSignal\'s CodingLanguageName values, got "html"',
		],
		[
			'Create a code review task without environments',
			{ operation: 'create', taskType: 'codeReview', name: 'x' },
			'CreateCodeReviewTaskInput JSON does not match CodeSignal\'s CreateCodeReviewTaskInput: Field "executionEnvironments" of required type "[CodeReviewEnvironmentInput!]!" was not provided.',
		],
		[
			'Create a database task with an unknown dialect',
			{
				operation: 'create',
				taskType: 'database',
				name: 'x',
				taskFieldsJson: '{"executionEnvironments": [{"environment": "oracle", "value": {"setupScript": "", "teardownScript": "", "testCases": [], "description": ""}}]}',
			},
			'CreateDatabaseTaskInput JSON does not match CodeSignal\'s CreateDatabaseTaskInput: executionEnvironments[0].environment: Value "oracle" does not exist in "DatabaseEnvironment" enum.',
		],
		['Update without an ID', { operation: 'update', taskType: 'standard', taskId: '', updateFields: { title: 'T' } }, 'Task ID is required'],
		[
			'Update without fields',
			{ operation: 'update', taskType: 'quiz', taskId: VALID_ID, updateFields: {} },
			'Update Fields is empty: add at least one field to change, here or in EditQuizInput JSON',
		],
		[
			'Update with JSON that is not an object',
			{ operation: 'update', taskType: 'database', taskId: VALID_ID, taskFieldsJson: '["title"]' },
			'EditDatabaseTaskInput JSON must be a JSON object such as {"id": "abc"}',
		],
		[
			'Update a front-end task with an unknown style language',
			{ operation: 'update', taskType: 'frontend', taskId: VALID_ID, updateFields: { allowedStyleLanguages: ['sass'] } },
			'Style Languages must be one of CodeSignal\'s FrontendStyleLanguageName values, got "sass"',
		],
		['Add to Sets without sets', { operation: 'addToSets', taskId: VALID_ID, sets: [] }, 'Task Set Names or IDs is empty: choose at least one set'],
		['Remove From Sets without a task', { operation: 'removeFromSets', taskId: '', sets: ['s'] }, 'Task ID is required'],
		[
			'Set Initial Source in an unknown language',
			{ operation: 'setInitialSource', taskId: VALID_ID, language: 'cobol', source: 'x' },
			'Language must be one of CodeSignal\'s LanguageName values, got "cobol"',
		],
		['Unset Initial Source without a task', { operation: 'unsetInitialSource', taskId: '', language: 'py3' }, 'Task ID is required'],
	])('%s', async (_case, parameters, message) => {
		const error = await runError(sandbox, { resource: 'task', ...parameters });
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe(message);
		expect(sandbox.stats().requests).toBe(0);
	});
});
