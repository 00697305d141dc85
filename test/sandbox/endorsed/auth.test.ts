import { Api, connect, issueMessages, jobBody, requestToken, TestClock, useSandbox } from './helpers';

describe('POST /auth/tokens', () => {
	const sandbox = useSandbox();

	test('issues a bearer token for form-encoded client credentials, expires_in as a string', async () => {
		const response = await requestToken(sandbox());

		expect(response.status).toBe(200);
		expect(response.body).toEqual({
			is_error: false,
			access_token: expect.stringMatching(/^\S{20,}$/),
			token_type: 'Bearer',
			expires_in: '1209600',
			scope: ['all:read', 'all:write'],
		});
		expect(sandbox().stats().tokensIssued).toBe(1);
	});

	test('accepts JSON and grants only the scope asked for', async () => {
		const { baseUrl, clientId, clientSecret } = sandbox();
		const response = await fetch(`${baseUrl}/auth/tokens`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({
				client_id: clientId,
				client_secret: clientSecret,
				grant_type: 'client_credentials',
				scope: 'all:read',
			}),
		});
		const body = await response.json();

		expect(response.status).toBe(200);
		expect(body.scope).toEqual(['all:read']);
		expect(typeof body.expires_in).toBe('string');
	});

	test('refuses a wrong secret with a 401 envelope that does not echo the secret', async () => {
		const response = await requestToken(sandbox(), { client_secret: 'wrong-secret' });

		expect(response.status).toBe(401);
		expect(response.body).toEqual({
			is_error: true,
			error: { code: 'UNAUTHENTICATED', issues: [{ message: 'Invalid client credentials' }] },
		});
		expect(JSON.stringify(response.body)).not.toContain('wrong-secret');
		expect(sandbox().stats().tokensIssued).toBe(0);
	});

	test('names each missing field and rejects other grant types', async () => {
		const missing = await fetch(`${sandbox().baseUrl}/auth/tokens`, {
			method: 'POST',
			body: new URLSearchParams({ client_id: 'x' }),
		});
		const missingBody = await missing.json();
		const wrongGrant = await requestToken(sandbox(), { grant_type: 'password' });

		expect(missing.status).toBe(400);
		expect(missingBody.error.code).toBe('INVALID_ARGUMENT');
		expect(missingBody.error.issues).toEqual([
			{ message: 'client_secret is required' },
			{ message: 'grant_type is required' },
		]);
		expect(wrongGrant.status).toBe(400);
		expect(issueMessages(wrongGrant)).toEqual(['grant_type must be one of client_credentials']);
	});
});

describe('bearer tokens', () => {
	const clock = new TestClock();
	const sandbox = useSandbox(() => ({ tokenTtlSeconds: 60, now: clock.now }));

	test('a call without a token, or with an unknown one, answers the 401 envelope', async () => {
		const anonymous = await fetch(`${sandbox().baseUrl}/jobs/remote.any`);
		const unknown = await new Api(sandbox(), 'not-a-token').get('/jobs/remote.any');

		expect(anonymous.status).toBe(401);
		expect(anonymous.headers.get('www-authenticate')).toBe('Bearer');
		expect(await anonymous.json()).toEqual({
			is_error: true,
			error: { code: 'UNAUTHENTICATED', issues: [{ message: expect.stringContaining('Missing bearer token') }] },
		});
		expect(unknown.status).toBe(401);
		expect(issueMessages(unknown)).toEqual(['Invalid access token']);
	});

	test('a token works until tokenTtlSeconds have passed, then answers 401', async () => {
		const token = await requestToken(sandbox());
		const api = new Api(sandbox(), token.body.access_token);
		const jobId = await api.create('/jobs', jobBody());

		clock.advance(59_999);
		const beforeExpiry = await api.get(`/jobs/${jobId}`);
		clock.advance(1);
		const atExpiry = await api.get(`/jobs/${jobId}`);

		expect(token.body.expires_in).toBe('60');
		expect(beforeExpiry.status).toBe(200);
		expect(atExpiry.status).toBe(401);
		expect(issueMessages(atExpiry)).toEqual(['Access token expired']);
		expect((await (await connect(sandbox())).get(`/jobs/${jobId}`)).status).toBe(200);
	});

	test('store helpers expire one token or revoke them all', async () => {
		const first = await connect(sandbox());
		const second = await connect(sandbox());

		sandbox().store.expireToken(first.token);
		expect((await first.get('/jobs/remote.none')).status).toBe(401);
		expect((await second.get('/jobs/remote.none')).status).toBe(404);

		sandbox().store.revokeAllTokens();
		expect((await second.get('/jobs/remote.none')).status).toBe(401);
	});
});

describe('scopes', () => {
	const sandbox = useSandbox(() => ({
		clients: [
			{ clientId: 'writer', clientSecret: 'writer-secret' },
			{ clientId: 'reader', clientSecret: 'reader-secret', scopes: ['all:read'] },
		],
	}));

	test('a read-only token reads but every write answers 403 FORBIDDEN', async () => {
		const writer = await connect(sandbox());
		const jobId = await writer.create('/jobs', jobBody());
		const readerToken = await requestToken(sandbox(), { client_id: 'reader', client_secret: 'reader-secret' });
		const reader = new Api(sandbox(), readerToken.body.access_token);

		const read = await reader.get(`/jobs/${jobId}`);
		const writes = await Promise.all([
			reader.post('/jobs', jobBody({ remote_id: 'other' })),
			reader.put(`/jobs/${jobId}`, jobBody()),
			reader.patch(`/jobs/${jobId}`, { title: 'Renamed' }),
			reader.delete(`/jobs/${jobId}/criteria/any`),
		]);

		expect(readerToken.body.scope).toEqual(['all:read']);
		expect(read.status).toBe(200);
		for (const write of writes) {
			expect(write.status).toBe(403);
			expect(write.body.error.code).toBe('FORBIDDEN');
		}
		expect(sandbox().store.jobs.get(jobId)?.title).toBe('Backend Engineer');
	});

	test('asking for a scope the client does not hold answers 403', async () => {
		const response = await requestToken(sandbox(), {
			client_id: 'reader',
			client_secret: 'reader-secret',
			scope: 'all:read all:write',
		});

		expect(response.status).toBe(403);
		expect(issueMessages(response)).toEqual(['Scope not granted to this client: all:write']);
	});
});
