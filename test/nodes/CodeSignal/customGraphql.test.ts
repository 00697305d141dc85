import type { NodeParameterValueType } from 'n8n-workflow';

import type { CodeSignalSandbox } from '../../../sandbox/codesignal';
import { runError, runJson, startSandbox } from './harness';

let sandbox: CodeSignalSandbox;

beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.resetStats());

const custom = (query: string, variables: NodeParameterValueType = '{}') => ({ resource: 'customGraphql', operation: 'execute', query, variables });

describe('Custom GraphQL', () => {
	it('runs a query with variables and outputs its data', async () => {
		const test = sandbox.store.tests()[0];
		const items = await runJson(
			sandbox,
			custom('query OneTest($id: ID!) { companyTest(id: $id) { id title } }', JSON.stringify({ id: test.id })),
		);
		expect(items).toEqual([{ companyTest: { id: test.id, title: test.title } }]);
	});

	it('accepts variables that an expression already turned into an object, and anonymous queries', async () => {
		const items = await runJson(sandbox, custom('{ company { name } }', {}));
		expect(items).toEqual([{ company: { name: sandbox.store.company.name } }]);
	});

	it('runs a mutation', async () => {
		const session = sandbox.store.listSessions(sandbox.store.tests()[0].id).find((candidate) => candidate.status === 'over')!;
		await runJson(
			sandbox,
			custom('mutation Archive($id: ID!) { archiveCompanyTestSession(id: $id) { status } }', JSON.stringify({ id: session.id })),
		);
		expect(sandbox.store.getSession(session.id)!.status).toBe('archived');
	});

	it('shows the schema error and sends nothing when the query does not validate', async () => {
		const error = await runError(sandbox, custom('query { companyTestSession(id: "x") { tasks { task { title description } } } }'));
		expect(error.message).toBe(
			'Query does not validate against CodeSignal\'s GraphQL schema: Cannot query field "description" on type "CommonTask". ' +
				'Did you mean to use an inline fragment on "SingleEnvironmentTask"? (line 1, column 60)',
		);
		expect(sandbox.stats().requests).toBe(0);
	});

	it('names the field when the query does not parse, holds two operations or is empty', async () => {
		expect((await runError(sandbox, custom('query { company { name }'))).message).toMatch(/^Query does not validate .*Syntax Error/);
		expect((await runError(sandbox, custom('query A { company { id } } query B { company { name } }'))).message).toBe(
			'Query must hold exactly one query or mutation, found 2',
		);
		expect((await runError(sandbox, custom('  '))).message).toBe('Query is required');
		expect(sandbox.stats().requests).toBe(0);
	});

	it('names the Variables field when they are not a JSON object', async () => {
		expect((await runError(sandbox, custom('{ company { id } }', '{"id": '))).message).toMatch(/^Variables is not valid JSON: /);
		expect((await runError(sandbox, custom('{ company { id } }', '[1, 2]'))).message).toBe(
			'Variables must be a JSON object such as {"id": "abc"}',
		);
	});

	it('reports CodeSignal\'s own error for a query that validates but fails', async () => {
		const error = await runError(sandbox, custom('{ companyTestSessions(companyTestId: "unknown") { id } }'));
		expect(error.message).toContain('Company test "unknown" not found');
	});
});
