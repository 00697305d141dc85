import {
	startCodeSignalSandbox,
	type CodeSignalSandbox,
	type FaultOptions,
} from '../../../sandbox/codesignal';
import { graphql } from './helpers';

const COMPANY = '{ company { id } }';

async function sequentialStatuses(sandbox: CodeSignalSandbox, count: number): Promise<number[]> {
	const result: number[] = [];
	for (let index = 0; index < count; index++) result.push((await graphql(sandbox, COMPANY)).status);
	return result;
}

describe('CodeSignal sandbox: injected faults', () => {
	let sandbox: CodeSignalSandbox;

	beforeAll(async () => {
		sandbox = await startCodeSignalSandbox({ rateLimit: { perSecond: 1000 } });
	});
	afterEach(() => {
		sandbox.setFaults(undefined);
		sandbox.resetStats();
	});
	afterAll(async () => await sandbox.close());

	it('answers 429, sometimes without Retry-After, counted apart from the real rate limit', async () => {
		sandbox.setFaults({ rate429: 1 });
		const answers = await Promise.all(
			Array.from({ length: 20 }, async () => await graphql(sandbox, COMPANY)),
		);
		expect(new Set(answers.map((answer) => answer.status))).toEqual(new Set([429]));
		const retryAfter = new Set(answers.map((answer) => answer.headers.get('retry-after')));
		expect(retryAfter).toEqual(new Set(['1', null]));
		expect(sandbox.stats()).toMatchObject({
			injectedFaults: 20,
			rateLimited: 0,
			graphqlRequests: 0,
		});
	});

	it('answers 500 with JSON and 502/503 with an HTML proxy page', async () => {
		sandbox.setFaults({ rate5xx: 1 });
		const answers = await Promise.all(
			Array.from({ length: 30 }, async () => await graphql(sandbox, COMPANY)),
		);
		expect(new Set(answers.map((answer) => answer.status))).toEqual(new Set([500, 502, 503]));
		for (const answer of answers) {
			if (answer.status === 500) {
				expect(answer.body).toEqual({ errors: [{ message: 'Internal server error' }] });
			} else {
				expect(answer.body).toContain(`<title>${answer.status} `);
			}
		}
	});

	it('answers slowly, but correctly', async () => {
		sandbox.setFaults({ rateSlow: 1, slowMs: 300 });
		const started = Date.now();
		const answer = await graphql(sandbox, COMPANY);
		expect(Date.now() - started).toBeGreaterThanOrEqual(300);
		expect(answer.body.data.company.id).toBe(sandbox.store.company.id);
	});

	it('drops the connection without an answer', async () => {
		sandbox.setFaults({ rateDrop: 1 });
		await expect(graphql(sandbox, COMPANY)).rejects.toThrow('fetch failed');
		expect(sandbox.stats()).toMatchObject({ injectedFaults: 1, byStatus: {} });
	});

	it('fails the next N requests with 503, then serves normally', async () => {
		sandbox.setFaults({ failNext: 2 });
		expect(await sequentialStatuses(sandbox, 3)).toEqual([503, 503, 200]);
	});

	it('fails exactly the request failWhen picks ("the page at offset 60")', async () => {
		const seen: number[] = [];
		sandbox.setFaults({
			failWhen: ({ variables, requestNumber }) => {
				seen.push(requestNumber);
				return variables.offset === 60 ? 'http500' : undefined;
			},
		});
		const query =
			'query ($id: ID!, $offset: Int) { companyTestSessions(companyTestId: $id, first: 20, offset: $offset) { id } }';
		const testId = sandbox.store.tests()[0].id;
		const answers = [];
		for (const offset of [0, 20, 40, 60, 80]) {
			answers.push((await graphql(sandbox, query, { id: testId, offset })).status);
		}
		expect(answers).toEqual([200, 200, 200, 500, 200]);
		expect(seen).toEqual([1, 2, 3, 4, 5]);
	});

	it('repeats the same fault sequence for the same seed', async () => {
		const run = async (faults: FaultOptions) => {
			sandbox.setFaults(faults);
			return await sequentialStatuses(sandbox, 24);
		};
		const first = await run({ seed: 7, rate5xx: 0.3, rate429: 0.2 });
		expect(await run({ seed: 7, rate5xx: 0.3, rate429: 0.2 })).toEqual(first);
		expect(await run({ seed: 8, rate5xx: 0.3, rate429: 0.2 })).not.toEqual(first);
		expect(first).toContain(200);
	});

	it('refuses rates that cannot be shares', () => {
		expect(() => sandbox.setFaults({ rate429: 1.5 })).toThrow('rate429 must be between 0 and 1');
		expect(() => sandbox.setFaults({ rate429: 0.6, rate5xx: 0.6 })).toThrow('more than 1');
	});
});

describe('CodeSignal sandbox: faults and the rate limit', () => {
	it('counts requests answered by a fault against the rate limit', async () => {
		const sandbox = await startCodeSignalSandbox({ rateLimit: { perSecond: 5, windowMs: 5000 } });
		try {
			sandbox.setFaults({ rate5xx: 1 });
			await sequentialStatuses(sandbox, 5);
			sandbox.setFaults(undefined);
			expect(await sequentialStatuses(sandbox, 1)).toEqual([429]);
			expect(sandbox.stats()).toMatchObject({
				injectedFaults: 5,
				rateLimited: 1,
				maxRequestsInWindow: 6,
			});
		} finally {
			await sandbox.close();
		}
	});
});

describe('CodeSignal sandbox: faults of plain lists, and late-visible finishes', () => {
	let sandbox: CodeSignalSandbox;
	const LIST = 'query($t: ID!, $first: Int, $offset: Int) { companyTestSessions(companyTestId: $t, first: $first, offset: $offset) { id } }';
	const list = async (first: number, offset = 0) => {
		const answer = await graphql(sandbox, LIST, { t: sandbox.store.tests()[0].id, first, offset });
		return (answer.body as { data: { companyTestSessions: Array<{ id: string } | null> } }).data.companyTestSessions;
	};

	beforeEach(async () => {
		sandbox = await startCodeSignalSandbox({ rateLimit: { perSecond: 1000 }, dataset: { tests: 1, sessionsPerTest: 60 } });
	});
	afterEach(async () => await sandbox.close());

	it('returns some entries as null, in the page they belong to', async () => {
		sandbox.setFaults({ seed: 3, nullEntryRate: 0.5 });
		const page = await list(20);
		expect(page).toHaveLength(20);
		expect(page.filter((entry) => entry === null).length).toBeGreaterThan(3);
		expect(page.filter((entry) => entry !== null).length).toBeGreaterThan(3);
	});

	it('tells an in-process observer which entries it returned as null', async () => {
		const hidden: string[] = [];
		sandbox.setFaults({ seed: 3, nullEntryRate: 0.5, onNullEntry: (entry) => hidden.push((entry as { id: string }).id) });
		const page = await list(20);
		const listed = sandbox.store.listedSessions(sandbox.store.tests()[0].id).slice(0, 20).map((session) => session.id);
		expect(hidden).toEqual(listed.filter((_, index) => page[index] === null));
		expect(hidden.length).toBeGreaterThan(3);
	});

	it('caps `first` silently when asked to, where it otherwise refuses a page above 20', async () => {
		const refused = await graphql(sandbox, LIST, { t: sandbox.store.tests()[0].id, first: 50 });
		expect(refused.status).toBe(400);
		sandbox.setFaults({ silentPageCap: 20 });
		expect(await list(50)).toHaveLength(20);
		expect(await list(50, 40)).toHaveLength(20);
	});

	it('lists a session finished with a late visibility only from then on, with its finish date, and finds it by id at once', async () => {
		const [test] = sandbox.store.tests();
		const open = sandbox.store.listSessions(test.id).find((session) => session.finishDate === null)!;
		const finishedAt = Date.now() - 3_600_000;
		sandbox.store.finishSession(open.id, finishedAt, undefined, Date.now() + 60_000);
		const everything = await list(20, 0).then(async (first) => [...first, ...(await list(20, 20)), ...(await list(20, 40))]);
		expect(everything.map((entry) => entry?.id)).not.toContain(open.id);
		const byId = await graphql(sandbox, '{ companyTestSessions(companyTestId: "' + test.id + '", ids: ["' + open.id + '"]) { id finishDate } }');
		expect((byId.body as { data: { companyTestSessions: unknown[] } }).data.companyTestSessions).toEqual([
			{ id: open.id, finishDate: finishedAt },
		]);
	});
});
