import { EndorsedApi } from '../../credentials/EndorsedApi.credentials';
import { startEndorsedSandbox, type EndorsedSandbox } from '../../sandbox/endorsed';
import { runCredentialTestRequest } from '../helpers/n8n';

describe('Endorsed API credential', () => {
	const credentialType = new EndorsedApi();
	let sandbox: EndorsedSandbox;

	beforeAll(async () => {
		sandbox = await startEndorsedSandbox({
			clients: [
				{ clientId: 'full-client', clientSecret: 'full-client-secret' },
				{ clientId: 'reader', clientSecret: 'reader-secret', scopes: ['all:read'] },
			],
		});
	});

	afterAll(async () => await sandbox.close());

	const data = (extra: Record<string, unknown> = {}) => ({
		clientId: 'full-client',
		clientSecret: 'full-client-secret',
		baseUrl: sandbox.baseUrl,
		...extra,
	});

	it("asks for both scopes against Endorsed's production URL unless told otherwise", () => {
		const defaults = Object.fromEntries(credentialType.properties.map(({ name, default: value }) => [name, value]));

		expect(defaults).toMatchObject({ scopes: ['all:read', 'all:write'], baseUrl: 'https://endorsed.ai/api/v1' });
		expect(credentialType.properties.find(({ name }) => name === 'accessToken')).toMatchObject({
			type: 'hidden',
			typeOptions: { expirable: true },
		});
	});

	it("passes n8n's credential test with working client credentials", async () => {
		const answer = await runCredentialTestRequest(credentialType, data());

		expect(answer.statusCode).toBe(200);
		expect(answer.body).toMatchObject({ is_error: false, results: [] });
		expect(sandbox.stats().byRoute['GET /candidate_rankings']).toBe(1);
	});

	it("fails n8n's credential test with a wrong secret, without repeating the secret", async () => {
		const attempt = runCredentialTestRequest(credentialType, data({ clientSecret: 'not-the-secret' }));

		await expect(attempt).rejects.toThrow('Endorsed refused the client ID or client secret (HTTP 401)');
		await expect(attempt).rejects.not.toThrow('not-the-secret');
	});

	it('asks only for the scopes chosen, and says when Endorsed does not grant them', async () => {
		const reader = { clientId: 'reader', clientSecret: 'reader-secret' };

		await expect(runCredentialTestRequest(credentialType, data(reader))).rejects.toThrow(
			'Endorsed did not grant the requested scopes to this client (HTTP 403): FORBIDDEN: Scope not granted to this client: all:write',
		);
		const answer = await runCredentialTestRequest(credentialType, data({ ...reader, scopes: ['all:read'] }));
		expect(answer.statusCode).toBe(200);
	});

	it('accepts a base URL with a trailing slash', async () => {
		const answer = await runCredentialTestRequest(credentialType, data({ baseUrl: `${sandbox.baseUrl}/` }));

		expect(answer.statusCode).toBe(200);
	});
});
