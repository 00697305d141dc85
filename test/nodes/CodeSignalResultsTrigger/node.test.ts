/**
 * The trigger as a user sets it up: "Fetch Test Event", the default start (activation), time zones,
 * set-up mistakes, the test pick list, n8n 1.x (no cursor staging, no poll budget) and the rate limit.
 */
import type { IDataObject, IRun } from 'n8n-workflow';

import { CodeSignalApi } from '../../../credentials/CodeSignalApi.credentials';
import { CodeSignalResultsTrigger } from '../../../nodes/CodeSignalResultsTrigger/CodeSignalResultsTrigger.node';
import { startCodeSignalSandbox, type CodeSignalSandbox, type RateLimitOptions } from '../../../sandbox/codesignal';
import { loadOptionsContext, pollContext } from '../../helpers/n8n';
import { idsOf, PollEngine } from './pollEngine';

const BASE_TIME = Date.parse('2026-10-01T00:00:00Z');
const RATE = 100;
let sandbox: CodeSignalSandbox;

async function sandboxWith(tests: number, sessionsPerTest: number, rateLimit: RateLimitOptions = { perSecond: RATE }) {
	sandbox = await startCodeSignalSandbox({
		seed: 4,
		dataset: { tests, sessionsPerTest, proctoredTests: 0, baseTime: BASE_TIME },
		rateLimit,
	});
	return sandbox;
}
afterEach(async () => await sandbox.close());

const nodeSpec = (parameters: IDataObject, staticData?: IDataObject) => ({
	nodeType: new CodeSignalResultsTrigger(),
	parameters: { detail: 'summary', ...parameters },
	credentials: { codeSignalApi: { apiKey: sandbox.apiKey, endpoint: sandbox.graphqlUrl, requestsPerSecond: RATE } },
	credentialTypes: [new CodeSignalApi()],
	staticData,
});

describe('CodeSignal Results Trigger, as set up in n8n', () => {
	it('"Fetch Test Event" shows the newest result of the newest test and leaves the saved position alone', async () => {
		await sandboxWith(3, 15);
		const newestTest = [...sandbox.store.tests()].sort((a, b) => b.createDate - a.createDate)[0];
		const newest = sandbox.store.listSessions(newestTest.id)[0];
		expect(newest.finishDate).not.toBeNull();
		const staticData: IDataObject = {};
		const context = pollContext(nodeSpec({ tests: 'all' }, staticData), 'manual');

		const output = await new CodeSignalResultsTrigger().poll.call(context);
		expect(output![0].map((item) => item.json.id)).toEqual([newest.id]);
		expect(output![0][0].json).toMatchObject({ test: { id: newestTest.id }, finishDate: newest.finishDate });
		expect(staticData).toEqual({});
	});

	it('starts at activation by default: nothing that finished before, everything after', async () => {
		await sandboxWith(2, 15);
		const engine = new PollEngine(sandbox, { tests: 'all', since: '', detail: 'summary' }, RATE);
		expect(await engine.tick()).toBeNull();

		const [test] = sandbox.store.tests();
		const open = sandbox.store.listSessions(test.id).find((session) => session.status === 'active')!;
		sandbox.store.finishSession(open.id, Date.now() + 1000);
		expect(idsOf((await engine.tick()) ?? [])).toEqual([open.id]);
		expect(await engine.tick()).toBeNull();
	});

	it('reads "Finished Since" in the workflow\'s time zone and writes dates in it', async () => {
		await sandboxWith(1, 0);
		const [test] = sandbox.store.tests();
		const [before, after] = sandbox.store.addSessions(test.id, 2, {
			finishDates: [Date.parse('2026-09-28T03:30:00Z'), Date.parse('2026-09-28T04:30:00Z')],
		});
		const engine = new PollEngine(sandbox, { tests: 'all', since: '2026-09-28T00:00:00', detail: 'summary' }, RATE, 'America/New_York');
		const items = (await engine.tick()) ?? [];
		expect(idsOf(items)).toEqual([after.id]);
		expect(idsOf(items)).not.toContain(before.id);
		expect(items[0].finishedAt).toBe('2026-09-28T00:30:00.000-04:00');
	});

	it('starts afresh when "Finished Since" is changed', async () => {
		await sandboxWith(1, 0);
		const [test] = sandbox.store.tests();
		const [older, newer] = sandbox.store.addSessions(test.id, 2, {
			finishDates: [Date.parse('2026-09-10T00:00:00Z'), Date.parse('2026-09-20T00:00:00Z')],
		});
		const engine = new PollEngine(sandbox, { tests: 'all', since: '2026-09-15T00:00:00Z', detail: 'summary' }, RATE);
		expect(idsOf((await engine.tick()) ?? [])).toEqual([newer.id]);
		expect(await engine.tick()).toBeNull();
		engine.parameters.since = '2026-09-01T00:00:00Z';
		expect(idsOf((await engine.tick()) ?? [])).toEqual([older.id, newer.id]);
	});

	it('says which parameter is wrong', async () => {
		await sandboxWith(1, 0);
		const poll = async (parameters: IDataObject) =>
			await new CodeSignalResultsTrigger().poll.call(pollContext(nodeSpec(parameters, {})));
		await expect(poll({ tests: 'selected', testIds: [] })).rejects.toThrow('Test Names or IDs is empty');
		await expect(poll({ tests: 'all', since: 'next tuesday' })).rejects.toThrow('Finished Since must be a date');
	});

	it('asks to set "Finished Since" when the saved position cannot be read', async () => {
		await sandboxWith(1, 0);
		const context = pollContext(nodeSpec({ tests: 'all' }, { sync: { version: 99 } }));
		await expect(new CodeSignalResultsTrigger().poll.call(context)).rejects.toMatchObject({
			message: expect.stringContaining('cannot be read'),
			description: expect.stringContaining('Finished Since'),
		});
	});

	it('lists the company\'s tests by title for "Test Names or IDs"', async () => {
		await sandboxWith(4, 0);
		const options = await new CodeSignalResultsTrigger().methods.loadOptions.getTests.call(
			loadOptionsContext(nodeSpec({ tests: 'selected' })),
		);
		const titles = sandbox.store.tests().map((test) => test.title);
		expect(options.map((option) => option.name)).toEqual([...titles].sort((a, b) => a.localeCompare(b)));
		expect(options.map((option) => option.value).sort()).toEqual(sandbox.store.tests().map((test) => test.id).sort());
	});

	it('works on n8n 1.x, which has no cursor staging and no poll budget: the static data carries the position', async () => {
		await sandboxWith(2, 0);
		const [test] = sandbox.store.tests();
		const since = Date.parse('2026-09-01T00:00:00Z');
		sandbox.store.addSessions(test.id, 30, { finishDates: Array.from({ length: 30 }, (_, n) => since + n) });
		const staticData: IDataObject = {};
		const parameters = { tests: 'all', since: '2026-09-01T00:00:00Z', options: { maxResultsPerPoll: 20 } };
		const pollOnce = async () => {
			let emitted: string[] = [];
			const context = pollContext(nodeSpec(parameters, staticData), 'trigger', {
				// n8n 1.x hands the items over the same way, done promise included.
				emit: (data, _response, done) => {
					emitted = data[0].map((item) => item.json.id as string);
					done?.resolve({ status: 'success' } as IRun);
				},
			});
			Object.assign(context, { getPollBudgetMs: undefined, __runPoll: undefined, __commitCursor: undefined });
			expect(await new CodeSignalResultsTrigger().poll.call(context)).toBeNull();
			return emitted;
		};
		const first = await pollOnce();
		expect(first).toHaveLength(20);
		expect(staticData.sync).toBeDefined();
		const second = await pollOnce();
		expect([...first, ...second].sort()).toEqual(sandbox.store.listSessions(test.id).map((s) => s.id).sort());
	});

	it('never exceeds CodeSignal\'s rate limit, even over 50 tests at once', async () => {
		// Counted in a 950 ms window: scheduling on a busy test machine delays some arrivals by tens of ms.
		await sandboxWith(50, 6, { perSecond: 10, windowMs: 950 });
		const engine = new PollEngine(sandbox, { tests: 'all', since: '2026-06-01T00:00:00Z', detail: 'summary' }, 10);
		sandbox.resetStats();
		const items = (await engine.tick()) ?? [];
		const stats = sandbox.stats();
		expect(items.length).toBeGreaterThan(20);
		expect(stats.requests).toBeGreaterThanOrEqual(53);
		expect(stats.maxRequestsInWindow).toBeLessThanOrEqual(10);
		expect(stats.rateLimited).toBe(0);
	});
});
