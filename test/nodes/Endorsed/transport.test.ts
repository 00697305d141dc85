import { createServer } from 'http';
import type { AddressInfo } from 'net';

import { DateTime } from 'luxon';

import { startEndorsedSandbox, type EndorsedSandbox } from '../../../sandbox/endorsed';
import { recordLogs } from '../../helpers/n8n';
import { byRemoteId, endorsedCredentials, runEndorsed } from './fixtures';

// Retries are logged at debug level, which n8n's Logger otherwise drops before recordLogs sees it.
process.env.N8N_LOG_LEVEL = 'debug';

const getCandidate = (remoteId = 'ats-1') => ({
	resource: 'candidate',
	operation: 'get',
	candidate: byRemoteId(remoteId),
});
const createCandidate = {
	resource: 'candidate',
	operation: 'create',
	remoteId: 'ats-1',
	firstName: 'Ada',
	additionalFields: {},
};

/** A loopback port with nothing listening. */
async function closedPort(): Promise<number> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	await new Promise((resolve) => server.close(resolve));
	return port;
}

describe('Endorsed transport', () => {
	let sandbox: EndorsedSandbox;

	beforeEach(async () => {
		sandbox = await startEndorsedSandbox();
		await runEndorsed(sandbox, createCandidate);
		sandbox.resetStats();
	});

	afterEach(async () => await sandbox.close());

	it("turns Endorsed's error envelope into an error with its code, its messages and the item", async () => {
		const error = await runEndorsed(sandbox, getCandidate('nobody'), [{ json: {} }, { json: {} }]).catch((e) => e);

		expect(error).toMatchObject({
			name: 'NodeApiError',
			message:
				'Endorsed could not get the candidate with remote ID "nobody" (NOT_FOUND: no candidate with id remote.nobody)',
			description: expect.stringContaining('Check the ID or remote ID'),
			httpCode: '404',
			context: expect.objectContaining({ itemIndex: 0 }),
		});
	});

	it('reports every issue of a refused body', async () => {
		await expect(runEndorsed(sandbox, { ...createCandidate, remoteId: 'ats-2', firstName: '' })).rejects.toThrow(
			'Endorsed could not create the candidate (INVALID_ARGUMENT: first_name is required)',
		);
		expect(sandbox.stats().byStatus[400]).toBe(1);
	});

	it('gives each failing item its own error item with Continue On Fail', async () => {
		const output = await runEndorsed(
			sandbox,
			{ ...getCandidate(), candidate: byRemoteId('={{ $json.remoteId }}') },
			[{ json: { remoteId: 'ats-1' } }, { json: { remoteId: 'nobody' } }],
			{ continueOnFail: true },
		);

		expect(output.map(({ json }) => json.remote_id ?? json.error)).toEqual([
			'ats-1',
			expect.stringContaining('NOT_FOUND'),
		]);
		expect(output.map(({ pairedItem }) => pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it('retries server errors, rate limits and dropped connections', async () => {
		for (const faults of [{ failNext: 2 }, { rate429: 0.5 }, { rateDrop: 0.5 }]) {
			sandbox.setFaults(faults);
			sandbox.resetStats();

			const [output] = await runEndorsed(sandbox, getCandidate());

			expect(output.json.remote_id).toBe('ats-1');
			const { byStatus } = sandbox.stats();
			expect(byStatus[500] ?? byStatus[429] ?? byStatus[0]).toBeGreaterThan(0);
		}
	});

	it('does not retry a refusal, and never logs a secret while retrying', async () => {
		const logs = recordLogs();
		const credentials = endorsedCredentials(sandbox);
		try {
			await runEndorsed(sandbox, getCandidate(), undefined, { credentials });
			sandbox.setFaults({ failNext: 1 });
			await runEndorsed(sandbox, getCandidate(), undefined, { credentials });
			await runEndorsed(sandbox, getCandidate('nobody'), undefined, { credentials }).catch(() => undefined);
		} finally {
			logs.restore();
		}

		// Once, twice (a 500, then the retry), once (a 404 is final).
		expect(sandbox.stats().byRoute['GET /candidates/{id}']).toBe(4);
		const logged = JSON.stringify(logs.lines);
		expect(logged).toContain('retry 1 of 4');
		expect(logged).not.toContain(sandbox.clientSecret);
		expect(logged).not.toContain(credentials.endorsedApi.accessToken as string);
	});

	it('gives up after five attempts and says so', async () => {
		sandbox.setFaults({ failNext: 10 });

		await expect(runEndorsed(sandbox, getCandidate())).rejects.toThrow(
			/INTERNAL_SERVER_ERROR.*\(gave up after 5 attempts\)$/,
		);
	});

	it('says the client credentials were refused, without the secret', async () => {
		const secret = 'a-wrong-but-long-secret';

		const error = await runEndorsed(sandbox, getCandidate(), undefined, {
			credentials: endorsedCredentials(sandbox, { clientSecret: secret }),
		}).catch((e) => e);

		expect(error.message).toBe(
			'Could not get an Endorsed access token to get the candidate with remote ID "ats-1": Endorsed refused the client ID or client secret (HTTP 401): UNAUTHENTICATED: Invalid client credentials',
		);
		expect(JSON.stringify({ message: error.message, description: error.description })).not.toContain(secret);
		expect(sandbox.stats().requests).toBe(1);
	});

	it('says when Endorsed cannot be reached', async () => {
		const baseUrl = `http://127.0.0.1:${await closedPort()}/api/v1`;

		await expect(
			runEndorsed(sandbox, getCandidate(), undefined, { credentials: endorsedCredentials(sandbox, { baseUrl }) }),
		).rejects.toThrow(`Could not reach Endorsed at ${baseUrl}/auth/tokens: the connection was refused`);
	});

	it('says a read-only credential cannot write', async () => {
		await expect(
			runEndorsed(sandbox, { ...createCandidate, remoteId: 'ats-2' }, undefined, {
				credentials: endorsedCredentials(sandbox, { scopes: ['all:read'] }),
			}),
		).rejects.toMatchObject({
			message: expect.stringContaining('FORBIDDEN'),
			description: expect.stringContaining('all:write'),
		});
	});

	it('fetches a token once and keeps using it', async () => {
		const credentials = endorsedCredentials(sandbox);

		await runEndorsed(sandbox, getCandidate(), undefined, { credentials });
		await runEndorsed(sandbox, getCandidate(), [{ json: {} }, { json: {} }], { credentials });

		expect(sandbox.stats().tokensIssued).toBe(1);
		expect(credentials.endorsedApi.accessToken).toEqual(expect.any(String));
		const renewAt = DateTime.fromISO(credentials.endorsedApi.accessTokenRenewAt as string);
		// 14 days, renewed five minutes early.
		expect(renewAt.diffNow('days').days).toBeGreaterThan(13.99);
		expect(renewAt.diffNow('days').days).toBeLessThan(14);
	});

	it('renews a token that is about to expire before using it', async () => {
		const credentials = endorsedCredentials(sandbox, {
			accessToken: 'token-about-to-expire',
			accessTokenRenewAt: DateTime.utc().minus({ seconds: 1 }).toISO(),
		});

		await runEndorsed(sandbox, getCandidate(), undefined, { credentials });

		expect(sandbox.stats().tokensIssued).toBe(1);
		expect(sandbox.stats().byStatus[401]).toBeUndefined();
		expect(credentials.endorsedApi.accessToken).not.toBe('token-about-to-expire');
		expect(DateTime.fromISO(credentials.endorsedApi.accessTokenRenewAt as string) > DateTime.utc()).toBe(true);
	});

	it('fetches a new token when Endorsed refuses the cached one', async () => {
		const credentials = endorsedCredentials(sandbox);
		await runEndorsed(sandbox, getCandidate(), undefined, { credentials });
		const first = credentials.endorsedApi.accessToken;
		sandbox.store.revokeAllTokens();

		const [output] = await runEndorsed(sandbox, getCandidate(), undefined, { credentials });

		expect(output.json.remote_id).toBe('ats-1');
		expect(sandbox.stats().byStatus[401]).toBe(1);
		expect(sandbox.stats().tokensIssued).toBe(2);
		expect(credentials.endorsedApi.accessToken).not.toBe(first);
	});

	it('uploads a file again after fetching a new token', async () => {
		const credentials = endorsedCredentials(sandbox);
		await runEndorsed(sandbox, getCandidate(), undefined, { credentials });
		sandbox.store.revokeAllTokens();

		await runEndorsed(
			sandbox,
			{
				resource: 'attachment',
				operation: 'upload',
				candidate: byRemoteId('ats-1'),
				remoteId: 'report-1',
				type: 'about',
				source: 'text',
				text: '- MET: Knows Python',
				fileName: 'report.md',
			},
			undefined,
			{ credentials },
		);

		expect(sandbox.store.attachments.get('remote.report-1')?.text).toBe('- MET: Knows Python');
	});
});
