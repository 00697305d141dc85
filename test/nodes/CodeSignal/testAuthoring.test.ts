import { DateTime } from 'luxon';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { CodeSignal } from '../../../nodes/CodeSignal/CodeSignal.node';
import type { CodeSignalSandbox } from '../../../sandbox/codesignal';
import { byId, pickListContext, runError, runJson, startSandbox, TIME_ZONE } from './harness';

const NOW = Date.parse('2026-10-01T00:00:00Z');
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** Well-formed: these cases fail on other fields before anything is sent. */
const VALID_ID = 'Valid1234567890ab';

let sandbox: CodeSignalSandbox;

beforeAll(async () => {
	sandbox = await startSandbox({ now: () => NOW });
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.resetStats());

const libraryTask = (title: string) => sandbox.store.tasks().find((task) => task.title === title)!;
const slot = (title: string, extra: object = {}) => ({ taskIds: libraryTask(title).id, ...extra });

describe('Test → Create', () => {
	it('creates a test from tasks, guided fields over the JSON, which is then listed', async () => {
		const [item] = await runJson(sandbox, {
			resource: 'test',
			operation: 'create',
			title: 'Backend Round Q4',
			durationMinutes: 75,
			tasks: { task: [slot('Interval Merging', { score: 400, availableLanguages: ['py3', 'go'] }), slot('HTTP Caching Quiz')] },
			testFieldsJson: JSON.stringify({
				title: 'Overridden by the Title field',
				scoreRangeLabels: [{ label: 'Strong', scoreRange: { min: 300, max: 450 } }],
			}),
			additionalFields: { introMessage: 'Welcome!', labels: 'backend, q4', expiresAfterDays: 5 },
		});
		expect(item).toMatchObject({
			title: 'Backend Round Q4',
			externalTitle: 'Backend Round Q4',
			durationMs: 75 * MINUTE,
			labels: ['backend', 'q4'],
			createdAt: DateTime.fromMillis(NOW, { zone: TIME_ZONE }).toISO(),
			introMessage: 'Welcome!',
			outroMessage: '',
			scoring: { type: 'raw', min: 0, max: 450 },
			scoreRangeLabels: [{ label: 'Strong', min: 300, max: 450 }],
		});
		const test = sandbox.store.getTest(item.id)!;
		expect(test.slots.map((each) => [each.task.title, each.maxScore])).toEqual([
			['Interval Merging', 400],
			['HTTP Caching Quiz', 50],
		]);
		expect(test.defaultExpirationMs).toBe(5 * DAY);
		const listed = await runJson(sandbox, {
			resource: 'test',
			operation: 'getAll',
			returnAll: true,
			filters: { titleSearchText: 'Backend Round' },
		});
		expect(listed.map((each) => each.id)).toEqual([item.id]);
	});

	it('says when CodeSignal refuses a title another test has', async () => {
		const taken = sandbox.store.tests()[0].title;
		const error = await runError(sandbox, {
			resource: 'test',
			operation: 'create',
			title: taken,
			durationMinutes: 30,
			tasks: { task: [slot('Matrix Rotation')] },
		});
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe(
			`CodeSignal could not create the test: A test titled "${taken}" already exists; choose another title or set autoResolveTitleConflict`,
		);
	});
});

describe('Test → Create From Certified Assessment', () => {
	it('creates a proctored test with the framework\'s tasks, the framework chosen from the list', async () => {
		const framework = sandbox.store.frameworks()[2];
		const [item] = await runJson(sandbox, {
			resource: 'test',
			operation: 'createFromFramework',
			framework: { __rl: true, mode: 'list', value: framework.id, cachedResultName: framework.title },
			title: 'Analyst Pre-Screen',
			additionalFields: { externalTitle: 'Data Assessment', hideScoresFromCandidate: true },
		});
		expect(item).toMatchObject({
			title: 'Analyst Pre-Screen',
			externalTitle: 'Data Assessment',
			framework: { id: framework.id, title: framework.title },
			durationMs: framework.duration,
		});
		expect(sandbox.store.getTest(item.id)).toMatchObject({ proctored: true, hideScoresFromCandidate: true });
	});
});

describe('Test → Update', () => {
	it('overwrites the fields given, replacing the tasks, and leaves the others', async () => {
		const [created] = await runJson(sandbox, {
			resource: 'test',
			operation: 'create',
			title: 'To Be Edited',
			durationMinutes: 60,
			tasks: { task: [slot('Balanced Brackets')] },
			additionalFields: { introMessage: 'Stays' },
		});
		const [item] = await runJson(sandbox, {
			resource: 'test',
			operation: 'update',
			test: byId(created.id),
			testFieldsJson: {
				emailReminderTemplates: [{ name: 'Nudge', subjectLine: 'Reminder', message: 'Two days left' }],
				emailReminders: [{ templateName: 'Nudge', timeBeforeExpiration: 2 * DAY }],
			},
			updateFields: { title: 'Edited', outroMessage: 'Thanks', tasks: { task: [slot('Inventory Ledger', { score: 100 })] } },
		});
		expect(item).toMatchObject({
			id: created.id,
			title: 'Edited',
			introMessage: 'Stays',
			outroMessage: 'Thanks',
			reminderTemplates: ['Nudge'],
			reminders: [{ templateName: 'Nudge', timeBeforeExpirationMs: 2 * DAY }],
		});
		expect(sandbox.store.getTest(created.id)!.slots.map((each) => [each.task.title, each.maxScore])).toEqual([
			['Inventory Ledger', 100],
		]);
		const [read] = await runJson(sandbox, { resource: 'test', operation: 'get', test: byId(created.id) });
		expect(read.title).toBe('Edited');
	});
});

describe('Test → Duplicate', () => {
	it('copies a test with the original\'s tasks under a new title, the original unchanged', async () => {
		const original = sandbox.store.tests()[1];
		const [copy] = await runJson(sandbox, {
			resource: 'test',
			operation: 'duplicate',
			test: byId(original.id),
			title: 'Next Quarter',
			additionalFields: { durationMinutes: 120 },
		});
		expect(copy).toMatchObject({ title: 'Next Quarter', durationMs: 120 * MINUTE, labels: original.labels });
		expect(copy.id).not.toBe(original.id);
		expect(sandbox.store.getTest(copy.id)!.slots.map((each) => each.task.id)).toEqual(
			original.slots.map((each) => each.task.id),
		);
		expect(original.title).not.toBe('Next Quarter');
	});

	it('lets CodeSignal name the copy when no title is given', async () => {
		const original = sandbox.store.tests()[2];
		const [copy] = await runJson(sandbox, { resource: 'test', operation: 'duplicate', test: byId(original.id) });
		expect(copy.title).toBe(`${original.title} (Copy)`);
	});
});

describe('Test → certified assessments', () => {
	it('gets many, each with the framework a test can be created from', async () => {
		const items = await runJson(sandbox, { resource: 'test', operation: 'getAllCertifiedAssessments', returnAll: true });
		expect(items.map((item) => item.framework.id)).toEqual(sandbox.store.frameworks().map((framework) => framework.id));
		expect(items[0]).toMatchObject({
			type: 'certification',
			framework: { skillSets: ['Basic Coding', 'Data Manipulation', 'Implementation', 'Problem Solving'] },
		});
		expect(
			await runJson(sandbox, { resource: 'test', operation: 'getAllCertifiedAssessments', returnAll: false, limit: 1 }),
		).toHaveLength(1);
		const own = await runJson(sandbox, {
			resource: 'test',
			operation: 'getAllCertifiedAssessments',
			returnAll: true,
			options: { companyId: sandbox.store.company.id },
		});
		expect(own).toEqual(items);
	});

	it('gets many frameworks, each with the ID Create From Certified Assessment takes, and finds them by title', async () => {
		const frameworks = sandbox.store.frameworks();
		const items = await runJson(sandbox, { resource: 'test', operation: 'getAllFrameworks', returnAll: true });
		expect(items.map((item) => ({ id: item.id, title: item.title, durationMs: item.durationMs }))).toEqual(
			frameworks.map((framework) => ({ id: framework.id, title: framework.title, durationMs: framework.duration })),
		);
		expect(items[0].skillSets).toEqual(frameworks[0].skillSets.map((skillSet) => skillSet.name));

		const wanted = frameworks[1].title;
		const found = await runJson(sandbox, { resource: 'test', operation: 'getAllFrameworks', returnAll: true, filters: { search: wanted } });
		expect(found.map((item) => item.title)).toContain(wanted);
		expect(found.every((item) => String(item.title).toLowerCase().includes(wanted.toLowerCase()))).toBe(true);
		expect(await runJson(sandbox, { resource: 'test', operation: 'getAllFrameworks', returnAll: false, limit: 1 })).toHaveLength(1);
	});

	it('gets one standardized test', async () => {
		const certified = sandbox.store.certificationTests()[1];
		const [item] = await runJson(sandbox, {
			resource: 'test',
			operation: 'getStandardizedTest',
			standardizedTest: byId(certified.id),
		});
		expect(item).toMatchObject({
			id: certified.id,
			title: certified.title,
			durationMs: certified.duration,
			framework: { id: certified.frameworkId },
		});
	});

	it('says "not found" for an unknown standardized test', async () => {
		expect(
			(await runError(sandbox, { resource: 'test', operation: 'getStandardizedTest', standardizedTest: byId('Unknown1234567890') }))
				.message,
		).toBe('Certified assessment "Unknown1234567890" not found');
	});
});

describe('Test pick lists', () => {
	const { listSearch } = new CodeSignal().methods;

	it('searches the certified assessment frameworks by title', async () => {
		const { results } = await listSearch.searchFrameworks.call(pickListContext(sandbox), 'industry');
		expect(results).toEqual([{ name: 'Industry Coding Framework', value: sandbox.store.frameworks()[1].id }]);
	});

	it('lists the certified assessments', async () => {
		const { results, paginationToken } = await listSearch.searchCertifiedAssessments.call(pickListContext(sandbox));
		expect(results).toEqual(sandbox.store.certificationTests().map((test) => ({ name: test.title, value: test.id })));
		expect(paginationToken).toBeUndefined();
	});
});

describe('Test authoring: bad input names the field and sends nothing', () => {
	const create = { resource: 'test', operation: 'create', title: 'T', durationMinutes: 10, tasks: { task: [{ taskIds: VALID_ID }] } };

	it.each([
		['Create without a title', { ...create, title: ' ' }, 'Title is required'],
		['Create without tasks', { ...create, tasks: {} }, 'Tasks is empty: add at least one task'],
		[
			'Create with a malformed task ID',
			{ ...create, tasks: { task: [{ taskIds: `${VALID_ID}, not an id` }] } },
			'Task IDs must be a CodeSignal ID (letters and digits only), got "not an id"',
		],
		[
			'Create with an unknown language',
			{ ...create, tasks: { task: [{ taskIds: VALID_ID, availableLanguages: ['py3', 'cobol'] }] } },
			'Languages must be one of CodeSignal\'s LanguageName values, got "cobol"',
		],
		[
			'Create with JSON that does not match the input type',
			{ ...create, testFieldsJson: '{"scoreRangeLabels": [{"label": "Top", "scoreRange": {"min": "high"}}]}' },
			'CreateCompanyTestInput JSON does not match CodeSignal\'s CreateCompanyTestInput: scoreRangeLabels[0].scoreRange.min: Int cannot represent non-integer value: "high"',
		],
		[
			'Create From Certified Assessment without one',
			{ resource: 'test', operation: 'createFromFramework', framework: byId(''), title: 'T' },
			'Certified Assessment is required',
		],
		[
			'Create From Certified Assessment with an unknown field',
			{ resource: 'test', operation: 'createFromFramework', framework: byId(VALID_ID), title: 'T', testFieldsJson: '{"tasks": []}' },
			'CreateCompanyTestFromFrameworkInput JSON does not match CodeSignal\'s CreateCompanyTestFromFrameworkInput: Field "tasks" is not defined by type "CreateCompanyTestFromFrameworkInput".',
		],
		[
			'Update without a test',
			{ resource: 'test', operation: 'update', test: byId(''), updateFields: { title: 'X' } },
			'Test is required',
		],
		[
			'Update without fields',
			{ resource: 'test', operation: 'update', test: byId(VALID_ID), updateFields: {} },
			'Update Fields is empty: add at least one field to change, here or in EditCompanyTestInput JSON',
		],
		[
			'Update with an expiration CodeSignal cannot take',
			{ resource: 'test', operation: 'update', test: byId(VALID_ID), updateFields: { expiresAfterDays: 30 } },
			'Expires After (Days) must be a whole number between 1 and 24, got "30"',
		],
		[
			'Duplicate with a malformed test ID',
			{ resource: 'test', operation: 'duplicate', test: byId('tests/1') },
			'Test must be a CodeSignal ID (letters and digits only), got "tests/1"',
		],
		[
			'Duplicate with JSON of the wrong type',
			{ resource: 'test', operation: 'duplicate', test: byId(VALID_ID), testFieldsJson: '{"hideScoresFromCandidate": "yes"}' },
			'EditCompanyTestInput JSON does not match CodeSignal\'s EditCompanyTestInput: hideScoresFromCandidate: Boolean cannot represent a non boolean value: "yes"',
		],
		[
			'Get Standardized Test without one',
			{ resource: 'test', operation: 'getStandardizedTest', standardizedTest: byId('') },
			'Certified Assessment is required',
		],
		[
			'Get Many Certified Assessments with a malformed company ID',
			{ resource: 'test', operation: 'getAllCertifiedAssessments', returnAll: true, options: { companyId: 'acme robotics' } },
			'Company ID must be a CodeSignal ID (letters and digits only), got "acme robotics"',
		],
		[
			'Get Many Certified Assessments with a limit of 0',
			{ resource: 'test', operation: 'getAllCertifiedAssessments', returnAll: false, limit: 0 },
			'Limit must be a whole number at least 1, got "0"',
		],
	])('%s', async (_case, parameters, message) => {
		const error = await runError(sandbox, parameters);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe(message);
		expect(sandbox.stats().requests).toBe(0);
	});

	it('describes the input type of a JSON field that does not match', async () => {
		const error = await runError(sandbox, { ...create, testFieldsJson: '{"titel": "typo"}' });
		expect(error.message).toContain('Field "titel" is not defined by type "CreateCompanyTestInput". Did you mean "title"?');
		expect(error.description).toContain('The fields of CreateCompanyTestInput are: title, externalTitle,');
		expect(sandbox.stats().requests).toBe(0);
	});
});
