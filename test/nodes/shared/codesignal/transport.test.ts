import { NodeApiError } from 'n8n-workflow';

import { verifyCredential } from '../../../../nodes/shared/codesignal/credentialTest';
import { PACING_MARGIN_MS } from '../../../../nodes/shared/codesignal/pacer';
import {
	codeSignalClient,
	connectionFromCredentials,
	runGraphqlOperation,
	type CodeSignalRequestOptions,
	type HttpAnswer,
} from '../../../../nodes/shared/codesignal/transport';
import { busiestWindow, FakeClock } from '../../../helpers/fakeClock';
import { inCodeSignalContext } from '../../../helpers/codesignalProbe';
import { startScriptedServer, type ScriptedAnswer, type ScriptedServer } from '../../../helpers/scriptedServer';

const API_KEY = 'cs-test-key-5f1d2c';
const FAST: CodeSignalRequestOptions = { backoff: { baseDelayMs: 10, maxDelayMs: 40 }, timeoutMs: 2000 };
const company = { data: { company: { id: 'c1', name: 'Acme' } } };

let server: ScriptedServer | undefined;
afterEach(async () => {
	await server?.close();
	server = undefined;
});

async function requestCompany(
	answers: (index: number) => ScriptedAnswer,
	options: CodeSignalRequestOptions = FAST,
	credentials: Record<string, unknown> = {},
) {
	server = await startScriptedServer(answers);
	const url = server.url;
	return await inCodeSignalContext(
		{ apiKey: API_KEY, endpoint: url, requestsPerSecond: 100, ...credentials },
		async (context) => {
			const client = await codeSignalClient(context);
			try {
				return { data: await client.request(verifyCredential, {}, { itemIndex: 3, ...options }) };
			} catch (error) {
				return { error: error as NodeApiError };
			}
		},
	);
}

/** Everything a user or a log could see of an error. */
function visible(error: NodeApiError | undefined) {
	return JSON.stringify({ message: error?.message, description: error?.description, stack: error?.stack, error });
}

describe('CodeSignal transport', () => {
	it('sends the query with the Bearer key through n8n and returns the data', async () => {
		const { data } = await requestCompany(() => ({ body: company }));
		expect(data).toEqual(company.data);
		expect(server!.arrived[0].headers.authorization).toBe(`Bearer ${API_KEY}`);
		expect(JSON.parse(server!.arrived[0].body)).toMatchObject({ operationName: 'VerifyCredential' });
	});

	it('reads the credential from n8n once per client, not again for each request', async () => {
		server = await startScriptedServer(() => ({ body: company }));
		const url = server.url;
		const reads = await inCodeSignalContext({ apiKey: API_KEY, endpoint: url, requestsPerSecond: 100 }, async (context) => {
			const getCredentials = jest.spyOn(context, 'getCredentials');
			const client = await codeSignalClient(context);
			for (let request = 0; request < 3; request++) await client.request(verifyCredential, {}, FAST);
			return getCredentials.mock.calls.length;
		});
		expect(reads).toBe(1);
		expect(server.arrived).toHaveLength(3);
		// n8n still applies the credential's authenticate to every request.
		for (const request of server.arrived) expect(request.headers.authorization).toBe(`Bearer ${API_KEY}`);
	});

	it('retries 5xx answers and dropped connections, then succeeds', async () => {
		const { data } = await requestCompany((index) =>
			index === 0 ? { status: 503, body: '<html>unavailable</html>' } : index === 1 ? { drop: true } : { body: company },
		);
		expect(data).toEqual(company.data);
		expect(server!.arrived).toHaveLength(3);
	});

	it('honours Retry-After on 429', async () => {
		const { data } = await requestCompany((index) =>
			index === 0 ? { status: 429, headers: { 'retry-after': '1' }, body: { errors: [{ message: 'Too many requests' }] } } : { body: company },
		);
		expect(data).toEqual(company.data);
		const [first, second] = server!.arrived;
		expect(second.at - first.at).toBeGreaterThanOrEqual(950);
	});

	it('waits a whole rate-limit window after a 429 without Retry-After, and after a GraphQL rate-limit error', async () => {
		const { data } = await requestCompany((index) =>
			index === 0
				? { status: 429, body: { errors: [{ message: 'Too many requests' }] } }
				: index === 1
					? { body: { data: null, errors: [{ message: 'Rate limit exceeded' }] } }
					: { body: company },
		);
		expect(data).toEqual(company.data);
		const [first, second, third] = server!.arrived;
		expect(second.at - first.at).toBeGreaterThanOrEqual(950);
		expect(third.at - second.at).toBeGreaterThanOrEqual(950);
	});

	it('gives up after the bounded number of attempts and says so', async () => {
		const { error } = await requestCompany(() => ({ status: 502, body: { errors: [{ message: 'Bad gateway' }] } }), {
			...FAST,
			maxAttempts: 4,
		});
		expect(server!.arrived).toHaveLength(4);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error!.message).toBe(
			'CodeSignal answered HTTP 502 while trying to read the company: Bad gateway (gave up after 4 attempts)',
		);
		expect(error!.context.itemIndex).toBe(3);
	});

	it('says the key was rejected on 401, without retrying or showing the key', async () => {
		const { error } = await requestCompany(() => ({
			status: 401,
			body: { errors: [{ message: `Unauthorized: invalid API key ${API_KEY}` }] },
		}));
		expect(server!.arrived).toHaveLength(1);
		expect(error!.message).toMatch(/^CodeSignal rejected the API key \(HTTP 401\) while trying to read the company/);
		expect(error!.httpCode).toBe('401');
		expect(visible(error)).not.toContain(API_KEY);
	});

	it('says a permission is missing on 403 and on an "Access Denied" GraphQL error', async () => {
		const forbidden = await requestCompany(() => ({ status: 403, body: { errors: [{ message: 'Forbidden' }] } }));
		expect(forbidden.error!.message).toMatch(/lacks a permission needed to read the company \(HTTP 403\)/);
		await server!.close();
		const denied = await requestCompany(() => ({
			body: { data: { company: null }, errors: [{ message: 'Access Denied', path: ['company'] }] },
		}));
		expect(denied.error!.message).toMatch(/lacks a permission needed to read the company/);
		expect(server!.arrived).toHaveLength(1);
	});

	it('does not retry other 4xx answers and shows CodeSignal\'s message', async () => {
		const { error } = await requestCompany(() => ({
			status: 400,
			body: { errors: [{ message: 'Cannot query field "nope" on type "Company".' }] },
		}));
		expect(server!.arrived).toHaveLength(1);
		expect(error!.message).toBe(
			'CodeSignal refused the request to read the company (HTTP 400): Cannot query field "nope" on type "Company".',
		);
	});

	it('turns GraphQL errors into an error naming the operation', async () => {
		const { error } = await requestCompany(() => ({
			body: { data: null, errors: [{ message: 'Company "x" not found' }] },
		}));
		expect(error!.message).toBe('CodeSignal could not read the company: Company "x" not found');
	});

	it('retries a slow answer that times out, then reports the timeout', async () => {
		const { error } = await requestCompany(() => ({ delayMs: 600, body: company }), {
			...FAST,
			timeoutMs: 150,
			maxAttempts: 2,
		});
		expect(server!.arrived).toHaveLength(2);
		expect(error!.message).toMatch(/^Could not reach CodeSignal at http:\/\/127\.0\.0\.1:\d+\/graphql to read the company: the request timed out \(gave up after 2 attempts\)$/);
	});

	it('reports an unreachable endpoint', async () => {
		server = await startScriptedServer(() => ({}));
		const closedUrl = server.url;
		await server.close();
		server = undefined;
		const error = await inCodeSignalContext({ apiKey: API_KEY, endpoint: closedUrl }, async (context) => {
			const client = await codeSignalClient(context);
			return await client.request(verifyCredential, {}, { ...FAST, maxAttempts: 2 }).catch((e: NodeApiError) => e);
		});
		expect((error as NodeApiError).message).toMatch(/to read the company: the connection was refused \(gave up after 2 attempts\)$/);
	});

});

describe('CodeSignal transport pacing (on an injected clock: exact, whatever the machine\'s load)', () => {
	const answer = (status: number, body: unknown, headers: Record<string, string> = {}): HttpAnswer => ({
		status,
		headers: { 'content-type': 'application/json', ...headers },
		body: JSON.stringify(body),
	});

	/** A connection whose sends are stamped on the fake clock; `answers` decides each answer by its index. */
	function pacedConnection(apiKey: string, requestsPerSecond: number, answers: (index: number) => HttpAnswer = () => answer(200, company)) {
		const clock = new FakeClock();
		const sentAt: number[] = [];
		const connection = {
			...connectionFromCredentials({ apiKey, endpoint: 'http://codesignal.test/graphql', requestsPerSecond }, async () => {
				sentAt.push(clock.now());
				return answers(sentAt.length - 1);
			}),
			clock,
		};
		const call = async () => await runGraphqlOperation(connection, verifyCredential, {}, { backoff: { baseDelayMs: 0, maxDelayMs: 0 } });
		return { clock, sentAt, call };
	}

	it('never sends more than the credential\'s rate in any second under concurrent calls, even after a stall', async () => {
		const { clock, sentAt, call } = pacedConnection(`${API_KEY}-concurrent`, 5);
		const calls = Promise.all(Array.from({ length: 16 }, call));
		// The event loop is blocked for 2 s after the first request left: the 15 waiting must not leave together.
		await new Promise((resolve) => setImmediate(resolve));
		clock.stall(2000);
		await clock.run();
		await calls;

		expect(sentAt).toHaveLength(16);
		expect(busiestWindow(sentAt)).toBe(5);
		const gaps = sentAt.slice(1).map((at, index) => at - sentAt[index]);
		expect(Math.min(...gaps)).toBeGreaterThanOrEqual(200);
		// Not slower than needed: 200 ms apart after the stall, a margin added once a second.
		expect(sentAt[15]).toBeLessThanOrEqual(2000 + 14 * 200 + 3 * PACING_MARGIN_MS);
	});

	it('on a 429, holds every request of the key for Retry-After and halves the rate', async () => {
		const { clock, sentAt, call } = pacedConnection(`${API_KEY}-backoff`, 10, (index) =>
			index === 2 ? answer(429, { errors: [{ message: 'Too many requests' }] }, { 'retry-after': '1' }) : answer(200, company),
		);
		let settled = false;
		const calls = Promise.all(Array.from({ length: 8 }, call)).finally(() => (settled = true));
		// The refused request's own retry waits for Retry-After on the real clock, then queues on the fake one.
		while (!settled) {
			await clock.run();
			await new Promise((resolve) => setTimeout(resolve, 20));
		}
		await calls;

		expect(sentAt).toHaveLength(9);
		const refusedAt = sentAt[2];
		// Nothing in the second CodeSignal asked for, then 5 a second (200 ms apart) instead of 10.
		expect(sentAt[3] - refusedAt).toBeGreaterThanOrEqual(1000);
		const after = sentAt.slice(4).map((at, index) => at - sentAt[index + 3]);
		for (const gap of after) {
			expect(gap).toBeGreaterThanOrEqual(200);
			expect(gap).toBeLessThanOrEqual(200 + PACING_MARGIN_MS);
		}
	});
});
