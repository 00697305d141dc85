import { testCodeSignalCredential } from '../../../../nodes/shared/codesignal/credentialTest';
import { runCredentialTest } from '../../../helpers/n8n';
import { startScriptedServer, type ScriptedAnswer, type ScriptedServer } from '../../../helpers/scriptedServer';

const API_KEY = 'good-key-123456';
let server: ScriptedServer | undefined;
afterEach(async () => {
	await server?.close();
	server = undefined;
});

async function testWith(answer: ScriptedAnswer, data: Record<string, unknown> = {}) {
	server = await startScriptedServer(() => answer);
	return await runCredentialTest(testCodeSignalCredential, 'codeSignalApi', {
		apiKey: API_KEY,
		endpoint: server.url,
		...data,
	});
}

describe('CodeSignal API credential test', () => {
	it('passes with a good key, sending { company { id name } } with the Bearer key', async () => {
		const result = await testWith({ body: { data: { company: { id: 'c1', name: 'Acme Corp' } } } });
		expect(result).toEqual({ status: 'OK', message: 'Connected to CodeSignal company "Acme Corp"' });
		expect(server!.arrived[0].headers.authorization).toBe(`Bearer ${API_KEY}`);
		expect(JSON.parse(server!.arrived[0].body).query).toMatch(/company\s*{\s*id\s+name\s*}/);
	});

	it('says the key was rejected', async () => {
		const result = await testWith({ status: 401, body: { errors: [{ message: 'Unauthorized: invalid API key' }] } });
		expect(result.status).toBe('Error');
		expect(result.message).toBe(
			'CodeSignal rejected the API key (HTTP 401) while trying to read the company: Unauthorized: invalid API key',
		);
	});

	it('says the query failed with CodeSignal\'s GraphQL error', async () => {
		const result = await testWith({ body: { data: null, errors: [{ message: 'Company is disabled' }] } });
		expect(result).toEqual({ status: 'Error', message: 'CodeSignal could not read the company: Company is disabled' });
	});

	it('says the endpoint could not be reached', async () => {
		server = await startScriptedServer(() => ({}));
		const endpoint = server.url;
		await server.close();
		server = undefined;
		const result = await runCredentialTest(testCodeSignalCredential, 'codeSignalApi', { apiKey: API_KEY, endpoint });
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/^Could not reach CodeSignal at http:\/\/127\.0\.0\.1:\d+\/graphql to read the company: the connection was refused/);
	});

	it('rejects an organization id that is not a whole number before calling CodeSignal', async () => {
		const result = await testWith({ body: {} }, { organizationId: 'acme' });
		expect(result).toEqual({
			status: 'Error',
			message: 'Endorsed Organization ID must be a whole number such as 12345 (got "acme")',
		});
		expect(server!.arrived).toHaveLength(0);
	});
});
