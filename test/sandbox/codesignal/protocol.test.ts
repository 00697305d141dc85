import { startCodeSignalSandbox, type CodeSignalSandbox } from '../../../sandbox/codesignal';
import { data, firstError, graphql } from './helpers';

describe('CodeSignal sandbox: HTTP protocol, auth and schema', () => {
	let sandbox: CodeSignalSandbox;

	beforeAll(async () => {
		sandbox = await startCodeSignalSandbox({
			apiKeys: { 'full-key': 'all', 'sessions-only': ['companyTestSessions', 'companyTests'] },
			rateLimit: { perSecond: 1000 },
		});
	});
	afterAll(async () => await sandbox.close());

	it('serves the connectivity test query with the first full-access key', async () => {
		expect(sandbox.apiKey).toBe('full-key');
		expect(sandbox.graphqlUrl).toBe(`${sandbox.url}/graphql`);
		const { company } = await data(sandbox, '{ company { id name } }');
		expect(company).toEqual({ id: sandbox.store.company.id, name: sandbox.store.company.name });
	});

	it('answers 401 without an API key or with an unknown one', async () => {
		for (const apiKey of [null, 'wrong-key']) {
			const answer = await graphql(sandbox, '{ company { id } }', {}, { apiKey });
			expect(answer.status).toBe(401);
			expect(answer.body).toEqual({ errors: [{ message: 'Unauthorized: invalid API key' }] });
		}
	});

	it('denies root fields a key is not allowed, field by field', async () => {
		const testId = sandbox.store.tests()[0].id;
		const answer = await graphql(
			sandbox,
			'query ($id: ID!) { companyTestSessions(companyTestId: $id, first: 1) { id } liveInterview(liveInterviewId: "x") { id } }',
			{ id: testId },
			{ apiKey: 'sessions-only' },
		);
		expect(answer.status).toBe(200);
		expect(answer.body.data.companyTestSessions).toHaveLength(1);
		expect(answer.body.data.liveInterview).toBeNull();
		expect(answer.body.errors).toEqual([
			expect.objectContaining({ message: 'Access Denied', path: ['liveInterview'] }),
		]);
	});

	it('rejects the seed article query that does not validate against the schema (400, graphql-js message)', async () => {
		const query =
			'query ($id: ID!) { companyTestSessions(companyTestId: $id, first: 5) { id tasks { task { title description } } } }';
		const answer = await graphql(sandbox, query, { id: sandbox.store.tests()[0].id });
		expect(answer.status).toBe(400);
		expect(answer.body.errors).toEqual([
			{
				message:
					'Cannot query field "description" on type "CommonTask". Did you mean to use an inline fragment on "SingleEnvironmentTask"?',
				locations: [{ line: 1, column: query.indexOf('description') + 1 }],
			},
		]);
	});

	it('accepts the same query written with an inline fragment', async () => {
		const testId = sandbox.store.tests()[0].id;
		const { companyTestSessions } = await data(
			sandbox,
			'query ($id: ID!) { companyTestSessions(companyTestId: $id, first: 1) { tasks { task { title ... on SingleEnvironmentTask { description } } } } }',
			{ id: testId },
		);
		expect(companyTestSessions[0].tasks[0].task.description).toEqual(expect.any(String));
	});

	it('answers 400 for a syntax error, a malformed body and bad variables', async () => {
		const syntax = await graphql(sandbox, '{ company { id }');
		expect(syntax.status).toBe(400);
		expect(firstError(syntax)).toMatch(/^Syntax Error/);

		const response = await fetch(sandbox.graphqlUrl, {
			method: 'POST',
			headers: { authorization: `Bearer ${sandbox.apiKey}`, 'content-type': 'application/json' },
			body: 'not json',
		});
		expect(response.status).toBe(400);

		const variables = await graphql(
			sandbox,
			'query ($id: ID!) { companyTest(id: $id) { id } }',
			{},
		);
		expect(variables.status).toBe(400);
		expect(firstError(variables)).toBe('Variable "$id" of required type "ID!" was not provided.');
	});

	it('only serves POST /graphql', async () => {
		expect((await fetch(sandbox.graphqlUrl)).status).toBe(405);
		expect((await fetch(`${sandbox.url}/other`, { method: 'POST' })).status).toBe(404);
	});

	it('reports schema fields it does not implement as a GraphQL error', async () => {
		const answer = await graphql(sandbox, '{ systemRoles { key } }');
		expect(answer.status).toBe(200);
		expect(firstError(answer)).toBe(
			'Query.systemRoles is not implemented by the CodeSignal sandbox',
		);
	});

	it('answers introspection', async () => {
		const { __type } = await data(
			sandbox,
			'{ __type(name: "CompanyTestSession") { name fields { name } } }',
		);
		expect(__type.fields.map((field: { name: string }) => field.name)).toContain(
			'verificationStatus',
		);
	});
});
