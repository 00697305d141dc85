import { startCodeSignalSandbox, type CodeSignalSandbox, type StoreEvent } from '../../../sandbox/codesignal';
import { data, firstError, graphql } from './helpers';

const NOW = Date.parse('2026-10-01T09:30:00Z');
const MINUTE = 60_000;
const FIELDS = `id title externalTitle introMessage outroMessage duration labels createDate
	framework { id } scoringModel { type ... on RawScoringModel { scoreRange { min max } } }
	emailReminderTemplates { name } emailReminders { templateName timeBeforeExpiration }`;

const CREATE = `mutation ($fields: CreateCompanyTestInput!) { createCompanyTest(testFields: $fields) { ${FIELDS} } }`;
const FROM_FRAMEWORK = `mutation ($fields: CreateCompanyTestFromFrameworkInput!) { createCompanyTestFromFramework(testFields: $fields) { ${FIELDS} } }`;
const EDIT = `mutation ($id: ID!, $fields: EditCompanyTestInput!) { editCompanyTest(id: $id, testFields: $fields) { ${FIELDS} } }`;
const DUPLICATE = `mutation ($id: ID!, $fields: EditCompanyTestInput!) { duplicateCompanyTest(id: $id, testFields: $fields) { ${FIELDS} } }`;

describe('CodeSignal sandbox: test mutations', () => {
	let sandbox: CodeSignalSandbox;
	let events: StoreEvent[];

	beforeAll(async () => {
		sandbox = await startCodeSignalSandbox({ now: () => NOW, rateLimit: { perSecond: 1000 } });
		sandbox.store.onEvent((event) => events.push(event));
	});
	afterAll(async () => await sandbox.close());
	beforeEach(() => (events = []));

	const task = (title: string) => sandbox.store.tasks().find((candidate) => candidate.title === title)!;
	const newTest = (title: string, fields: object = {}) =>
		data(sandbox, CREATE, {
			fields: {
				title,
				externalTitle: `${title} (candidates)`,
				introMessage: 'Hello',
				outroMessage: 'Bye',
				duration: 45 * MINUTE,
				tasks: [{ taskIds: [task('Balanced Brackets').id], score: 200 }, { taskIds: [task('Complexity Quiz').id] }],
				...fields,
			},
		});

	const fieldsOf = (title: string) => ({
		title,
		externalTitle: title,
		introMessage: '',
		outroMessage: '',
		duration: MINUTE,
		tasks: [{ taskIds: [task('Matrix Rotation').id] }],
	});

	it('creates a test that is then listed, with its tasks and points, and announces it', async () => {
		const { createCompanyTest: created } = await newTest('Platform Engineer Screen', { labels: ['platform'] });
		expect(created).toMatchObject({
			title: 'Platform Engineer Screen',
			externalTitle: 'Platform Engineer Screen (candidates)',
			introMessage: 'Hello',
			duration: 45 * MINUTE,
			labels: ['platform'],
			createDate: NOW,
			framework: null,
			scoringModel: { type: 'raw', scoreRange: { min: 0, max: 250 } },
		});
		const { companyTests } = await data(
			sandbox,
			'{ companyTests(first: 20, titleSearchText: "Platform Engineer") { tests { id } } }',
		);
		expect(companyTests.tests).toEqual([{ id: created.id }]);
		expect(sandbox.store.getTest(created.id)!.slots.map((slot) => [slot.task.title, slot.maxScore])).toEqual([
			['Balanced Brackets', 200],
			['Complexity Quiz', 50],
		]);
		expect(events).toEqual([{ event: 'assessmentCreated', subjectId: created.id, at: NOW }]);
	});

	it('refuses a taken title unless asked to resolve it, unknown tasks and another company', async () => {
		await newTest('Taken Title');
		const count = sandbox.store.tests().length;
		expect(firstError(await graphql(sandbox, CREATE, { fields: fieldsOf('taken title') }))).toBe(
			'A test titled "taken title" already exists; choose another title or set autoResolveTitleConflict',
		);
		const resolved = await newTest('Taken Title', { autoResolveTitleConflict: true });
		expect(resolved.createCompanyTest.title).toBe('Taken Title (2)');
		expect(
			firstError(await graphql(sandbox, CREATE, { fields: { ...fieldsOf('X'), tasks: [{ taskIds: ['ghost'] }] } })),
		).toBe('Task "ghost" not found');
		expect(firstError(await graphql(sandbox, CREATE, { fields: { ...fieldsOf('Y'), companyId: 'other' } }))).toBe(
			'Access Denied',
		);
		expect(sandbox.store.tests()).toHaveLength(count + 1);
	});

	it('creates a proctored test from a framework, with the framework\'s tasks and duration', async () => {
		const framework = sandbox.store.frameworks()[1];
		const { createCompanyTestFromFramework: created } = await data(sandbox, FROM_FRAMEWORK, {
			fields: { frameworkId: framework.id, title: 'ICF Pre-Screen', externalTitle: 'Coding Assessment' },
		});
		expect(created).toMatchObject({ framework: { id: framework.id }, duration: framework.duration });
		const test = sandbox.store.getTest(created.id)!;
		expect(test.proctored).toBe(true);
		expect(test.slots.map((slot) => [slot.task.title, slot.maxScore])).toEqual(framework.slots);
		expect(
			firstError(await graphql(sandbox, FROM_FRAMEWORK, { fields: { frameworkId: 'ghost', title: 'T', externalTitle: 'T' } })),
		).toBe('Framework "ghost" not found');
	});

	it('edits the given fields, which then read back, replaces the tasks, and announces it', async () => {
		const { createCompanyTest: created } = await newTest('Before Edit');
		events = [];
		const { editCompanyTest: edited } = await data(sandbox, EDIT, {
			id: created.id,
			fields: {
				title: 'After Edit',
				outroMessage: 'Thanks!',
				emailReminderTemplates: [{ name: 'Nudge', subjectLine: 'Soon', message: 'Expires soon' }],
				emailReminders: [{ templateName: 'Nudge', timeBeforeExpiration: 86_400_000 }],
				tasks: [{ taskIds: [task('Shortest Delivery Route').id] }],
			},
		});
		expect(edited).toMatchObject({
			title: 'After Edit',
			introMessage: 'Hello',
			outroMessage: 'Thanks!',
			emailReminderTemplates: [{ name: 'Nudge' }],
			emailReminders: [{ templateName: 'Nudge', timeBeforeExpiration: 86_400_000 }],
			scoringModel: { scoreRange: { max: 300 } },
		});
		const { companyTest } = await data(sandbox, 'query ($id: ID!) { companyTest(id: $id) { title outroMessage } }', {
			id: created.id,
		});
		expect(companyTest).toEqual({ title: 'After Edit', outroMessage: 'Thanks!' });
		expect(sandbox.store.getTest(created.id)!.slots.map((slot) => slot.task.title)).toEqual(['Shortest Delivery Route']);
		expect(events).toEqual([{ event: 'assessmentUpdated', subjectId: created.id, at: NOW }]);
	});

	it('changes nothing when one field of an edit is refused', async () => {
		const { createCompanyTest: created } = await newTest('Unchanged');
		const answer = await graphql(sandbox, EDIT, {
			id: created.id,
			fields: { title: 'Changed', emailReminders: [{ templateName: 'No such template' }] },
		});
		expect(firstError(answer)).toBe(`Reminder template "No such template" does not exist on test "${created.id}"`);
		expect(sandbox.store.getTest(created.id)!.title).toBe('Unchanged');
		expect(firstError(await graphql(sandbox, EDIT, { id: 'ghost', fields: {} }))).toBe('Company test "ghost" not found');
	});

	it('keeps the tasks of a test built on a certified assessment', async () => {
		const proctored = sandbox.store.tests().find((test) => test.frameworkId)!;
		const answer = await graphql(sandbox, EDIT, {
			id: proctored.id,
			fields: { tasks: [{ taskIds: [task('Matrix Rotation').id] }] },
		});
		expect(firstError(answer)).toBe(
			`Cannot change the tasks of test "${proctored.id}": it is based on a certified assessment`,
		);
	});

	it('duplicates a test with the original\'s tasks, which the copy\'s sessions get', async () => {
		const original = sandbox.store.tests()[0];
		const { duplicateCompanyTest: copy } = await data(sandbox, DUPLICATE, {
			id: original.id,
			fields: { introMessage: 'Welcome to the new round' },
		});
		expect(copy).toMatchObject({
			title: `${original.title} (Copy)`,
			introMessage: 'Welcome to the new round',
			outroMessage: original.outroMessage,
			duration: original.duration,
			labels: original.labels,
		});
		expect(copy.id).not.toBe(original.id);
		expect(original.introMessage).not.toBe('Welcome to the new round');

		const { createCompanyTestSession: session } = await data(
			sandbox,
			'mutation ($testId: ID!) { createCompanyTestSession(sessionFields: { testId: $testId, candidateEmail: "a@example.com" }) { tasks { maxScore task { id } } } }',
			{ testId: copy.id },
		);
		expect(session.tasks).toEqual(original.slots.map((slot) => ({ maxScore: slot.maxScore, task: { id: slot.task.id } })));
		const again = await data(sandbox, DUPLICATE, { id: original.id, fields: {} });
		expect(again.duplicateCompanyTest.title).toBe(`${original.title} (Copy) (2)`);
		expect(events.map((event) => event.event)).toEqual(['assessmentCreated', 'companyTestSessionCreated', 'assessmentCreated']);
	});
});

describe('CodeSignal sandbox: certified assessments', () => {
	let sandbox: CodeSignalSandbox;

	beforeAll(async () => {
		sandbox = await startCodeSignalSandbox({ rateLimit: { perSecond: 1000 } });
	});
	afterAll(async () => await sandbox.close());

	const LIST = `query ($first: Int!, $offset: Int) { certificationTests(first: $first, offset: $offset) {
		totalCount pageInfo { hasNextPage } tests { id title type duration framework { id title skillSets { name } } }
	} }`;

	it('lists one certified assessment per framework, page by page', async () => {
		const frameworks = sandbox.store.frameworks();
		const first = await data(sandbox, LIST, { first: 2 });
		const rest = await data(sandbox, LIST, { first: 2, offset: 2 });
		expect(first.certificationTests).toMatchObject({ totalCount: frameworks.length, pageInfo: { hasNextPage: true } });
		expect(rest.certificationTests.pageInfo.hasNextPage).toBe(false);
		const tests = [...first.certificationTests.tests, ...rest.certificationTests.tests];
		expect(tests.map((test: any) => test.framework.id)).toEqual(frameworks.map((framework) => framework.id));
		expect(tests[0]).toMatchObject({ type: 'certification', title: frameworks[0].title, duration: frameworks[0].duration });
	});

	it('reads one standardized test, null for an unknown id, and refuses another company', async () => {
		const [certified] = sandbox.store.certificationTests();
		const result = await data(
			sandbox,
			'query ($id: ID!) { standardizedTest(id: $id) { id introMessage framework { id } } unknown: standardizedTest(id: "nope") { id } }',
			{ id: certified.id },
		);
		expect(result).toEqual({
			standardizedTest: { id: certified.id, introMessage: certified.introMessage, framework: { id: certified.frameworkId } },
			unknown: null,
		});
		expect(firstError(await graphql(sandbox, '{ certificationTests(companyId: "other", first: 1) { totalCount } }'))).toBe(
			'Access Denied',
		);
	});
});
