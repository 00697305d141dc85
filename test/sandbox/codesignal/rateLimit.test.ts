import { startCodeSignalSandbox, type CodeSignalSandbox } from '../../../sandbox/codesignal';
import { firstError, graphql, sleep } from './helpers';

const COMPANY = '{ company { id } }';

async function burst(sandbox: CodeSignalSandbox, count: number, apiKey?: string) {
	return await Promise.all(
		Array.from({ length: count }, async () => await graphql(sandbox, COMPANY, {}, { apiKey })),
	);
}

function statuses(answers: Array<{ status: number }>): number[] {
	return answers.map((answer) => answer.status).sort();
}

describe('CodeSignal sandbox: rate limit', () => {
	const sandboxes: CodeSignalSandbox[] = [];
	async function start(options: Parameters<typeof startCodeSignalSandbox>[0]) {
		const sandbox = await startCodeSignalSandbox(options);
		sandboxes.push(sandbox);
		return sandbox;
	}
	afterAll(async () => await Promise.all(sandboxes.map(async (sandbox) => await sandbox.close())));

	it('answers the 11th request inside a second with 429 and Retry-After: 1', async () => {
		const sandbox = await start({});
		const answers = await burst(sandbox, 11);
		expect(statuses(answers)).toEqual([...Array(10).fill(200), 429]);
		const limited = answers.find((answer) => answer.status === 429)!;
		expect(limited.headers.get('retry-after')).toBe('1');
		expect(firstError(limited)).toBe('Rate limit exceeded');
		expect(sandbox.stats()).toMatchObject({
			rateLimited: 1,
			maxRequestsInWindow: 11,
			byStatus: { 200: 10, 429: 1 },
		});
	});

	it('admits requests again once the window has slid past', async () => {
		const sandbox = await start({ rateLimit: { perSecond: 3, windowMs: 500 } });
		expect(statuses(await burst(sandbox, 4))).toEqual([200, 200, 200, 429]);
		await sleep(550);
		expect(statuses(await burst(sandbox, 3))).toEqual([200, 200, 200]);
	});

	it('reports the busiest window, so a paced client can be shown to stay within the limit', async () => {
		const sandbox = await start({ rateLimit: { perSecond: 3, windowMs: 500 } });
		await burst(sandbox, 3);
		await sleep(550);
		await burst(sandbox, 3);
		expect(sandbox.stats()).toMatchObject({ maxRequestsInWindow: 3, rateLimited: 0 });
	});

	it('counts each API key separately', async () => {
		const sandbox = await start({
			apiKeys: { first: 'all', second: 'all' },
			rateLimit: { perSecond: 3, windowMs: 1000 },
		});
		const answers = [...(await burst(sandbox, 3, 'first')), ...(await burst(sandbox, 3, 'second'))];
		expect(statuses(answers)).toEqual(Array(6).fill(200));
		expect(sandbox.stats().maxRequestsInWindow).toBe(3);
	});

	it('reports the busiest window of each key, whoever sent the requests, through its TS and control APIs', async () => {
		const sandbox = await start({
			apiKeys: { 'key-aaaa': 'all', 'key-bbbb': 'all' },
			rateLimit: { perSecond: 10, windowMs: 1000 },
		});
		// Two "processes" (independent bursts) with one key count together; the other key counts alone.
		await Promise.all([burst(sandbox, 4, 'key-aaaa'), burst(sandbox, 3, 'key-aaaa'), burst(sandbox, 2, 'key-bbbb')]);
		expect(sandbox.busiestWindow('key-aaaa')).toBe(7);
		expect(sandbox.busiestWindow('key-bbbb')).toBe(2);
		expect(sandbox.busiestWindow('key-never-used')).toBe(0);
		const control = (await (await fetch(`${sandbox.url}/__sandbox/stats`)).json()) as { busiestWindowByKey: unknown };
		expect(control.busiestWindowByKey).toEqual({ '…aaaa': 7, '…bbbb': 2 });
		sandbox.resetStats();
		expect(sandbox.busiestWindow('key-aaaa')).toBe(0);
	});

	it('can signal the limit as a GraphQL error with HTTP 200 and no Retry-After', async () => {
		const sandbox = await start({
			rateLimit: { perSecond: 1, style: 'graphqlError', retryAfterHeader: false },
		});
		const [, limited] = [await graphql(sandbox, COMPANY), await graphql(sandbox, COMPANY)];
		expect(limited.status).toBe(200);
		expect(limited.body).toEqual({ data: null, errors: [{ message: 'Rate limit exceeded' }] });
		expect(limited.headers.get('retry-after')).toBeNull();
		expect(sandbox.stats().rateLimited).toBe(1);
	});
});
