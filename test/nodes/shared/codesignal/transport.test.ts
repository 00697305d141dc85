import { NodeApiError } from 'n8n-workflow';

import { verifyCredential } from '../../../../nodes/shared/codesignal/credentialTest';
import { codeSignalClient, type CodeSignalRequestOptions } from '../../../../nodes/shared/codesignal/transport';
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

	it('never exceeds the rate limit of the credential under concurrent calls', async () => {
		server = await startScriptedServer(() => ({ body: company }));
		const url = server.url;
		await inCodeSignalContext({ apiKey: `${API_KEY}-limited`, endpoint: url, requestsPerSecond: 5 }, async (context) => {
			const client = await codeSignalClient(context);
			await Promise.all(Array.from({ length: 16 }, async () => await client.request(verifyCredential, {}, FAST)));
		});
		const times = server.arrived.map((request) => request.at).sort((a, b) => a - b);
		expect(times).toHaveLength(16);
		for (let i = 5; i < times.length; i++) expect(times[i] - times[i - 5]).toBeGreaterThanOrEqual(1000);
	});
});
