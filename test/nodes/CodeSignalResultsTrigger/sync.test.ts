/**
 * The CodeSignal Results Trigger against the CodeSignal sandbox, polled the way n8n 2.40 polls it (fresh
 * context each tick, staged cursor): every ready result exactly once while sessions finish between polls,
 * tests appear, proctored results get verified, pages fail and requests fail at random.
 */
import { DEFAULT_BACKOFF } from '../../../nodes/shared/retry';
import { startCodeSignalSandbox, type CodeSignalSandbox } from '../../../sandbox/codesignal';
import { seededRandom } from './sync/fakeCodeSignal';
import { recordLogs } from '../../helpers/n8n';
import { idsOf, PollEngine, readyIds } from './pollEngine';

const RATE = 100;
const BASE_TIME = Date.parse('2026-10-01T00:00:00Z');
const SINCE = BASE_TIME - 3 * 86_400_000;
const IN_PROGRESS = ['pending', 'active', 'gracePeriod', 'finalizing'];

// Retries back off for seconds in production; the failure tests only need them to happen.
const productionBackoff = { ...DEFAULT_BACKOFF };
beforeAll(() => Object.assign(DEFAULT_BACKOFF, { baseDelayMs: 10, maxDelayMs: 50 }));
afterAll(() => Object.assign(DEFAULT_BACKOFF, productionBackoff));

async function sandboxWith(tests: number, sessionsPerTest: number, proctoredTests = 0) {
	return await startCodeSignalSandbox({
		seed: 9,
		dataset: { tests, sessionsPerTest, proctoredTests, baseTime: BASE_TIME },
		rateLimit: { perSecond: RATE },
	});
}

// The sandbox's data is dated 2026: watch proctored sessions long enough for the tests to run any day.
const parametersFor = (maxResultsPerPoll: number, since = SINCE) => ({
	tests: 'all',
	since: new Date(since).toISOString(),
	detail: 'summary',
	options: { maxResultsPerPoll, watchDays: 36_500 },
});

/** Finishes `count` sessions still in progress, picked with `random`, one millisecond apart from `clock`. */
function finishSome(sandbox: CodeSignalSandbox, random: () => number, count: number, clock: { now: number }) {
	const open = sandbox.store
		.tests()
		.flatMap((test) => sandbox.store.listSessions(test.id))
		.filter((session) => IN_PROGRESS.includes(session.status));
	const finished = [];
	for (let index = 0; index < count && open.length > 0; index++) {
		const [session] = open.splice(Math.floor(random() * open.length), 1);
		finished.push(sandbox.store.finishSession(session.id, clock.now++));
	}
	return finished;
}

describe('CodeSignal Results Trigger, polled against the sandbox', () => {
	let sandbox: CodeSignalSandbox;
	afterEach(async () => await sandbox.close());

	it('emits every result of 50 tests once, across restarts, while sessions finish, tests appear and proctored results are verified two polls later', async () => {
		sandbox = await sandboxWith(50, 12, 5);
		const random = seededRandom(5);
		const clock = { now: BASE_TIME + 60_000 };
		const engine = new PollEngine(sandbox, parametersFor(500), RATE);
		const emitted: string[] = [];
		const pendingSince = new Map<string, number>();

		for (let round = 0; round < 10; round++) {
			if (round === 4) {
				for (const title of ['Added Later A', 'Added Later B']) {
					const test = sandbox.store.addTest({ title, proctored: title.endsWith('B') });
					const finishDates = [clock.now++, clock.now++, clock.now++];
					sandbox.store.addSessions(test.id, 3, { finishDates });
					sandbox.store.addSessions(test.id, 2, { status: 'active' });
				}
			}
			for (const session of finishSome(sandbox, random, 15, clock)) {
				if (session.verificationStatus === 'pending') pendingSince.set(session.id, round);
			}
			const verifiedNow = [...pendingSince].filter(([, since]) => since === round - 2).map(([id]) => id);
			for (const id of verifiedNow) {
				sandbox.store.setVerificationStatus(id, random() < 0.75 ? 'verified' : 'notVerified');
				pendingSince.delete(id);
			}

			const items = (await engine.tick()) ?? [];
			expect(items.length).toBeLessThanOrEqual(500);
			expect(idsOf(items)).toEqual(expect.arrayContaining(verifiedNow));
			expect(idsOf(items).filter((id) => pendingSince.has(id))).toEqual([]);
			emitted.push(...idsOf(items));
		}
		expect(pendingSince.size).toBeGreaterThan(0);
		for (const id of pendingSince.keys()) sandbox.store.setVerificationStatus(id, 'verified');
		emitted.push(...idsOf(await engine.drain()));

		expect(emitted.length).toBe(new Set(emitted).size);
		expect(emitted.sort()).toEqual(readyIds(sandbox, SINCE));
		expect(readyIds(sandbox, SINCE).length).toBeGreaterThan(100);
	});

	it('drains a backlog larger than the cap within the cap, and resumes after a page that keeps failing', async () => {
		sandbox = await sandboxWith(4, 0);
		for (const test of sandbox.store.tests()) {
			sandbox.store.addSessions(test.id, 70, { finishDates: Array.from({ length: 70 }, (_, n) => SINCE + n * 1000) });
		}
		const engine = new PollEngine(sandbox, parametersFor(100), RATE);
		const emitted = idsOf((await engine.tick()) ?? []);
		expect(emitted).toHaveLength(100);

		// From the fifth request on, every page of sessions fails, however often it is retried.
		const committed = structuredClone(engine.committed);
		sandbox.setFaults({
			failWhen: ({ operationName, requestNumber }) =>
				operationName === 'ListTestSessions' && requestNumber > 4 ? 'http500' : undefined,
		});
		const failure = engine.tick();
		await expect(failure).rejects.toThrow(/list the test sessions of a test/);
		await expect(failure).rejects.toMatchObject({
			description: expect.stringMatching(/reading the sessions of test \w+\. Nothing was emitted and the saved position is unchanged/),
		});
		expect(engine.committed).toEqual(committed);

		sandbox.setFaults(undefined);
		for (let poll = 0; poll < 5; poll++) {
			const items = idsOf((await engine.tick()) ?? []);
			expect(items.length).toBeLessThanOrEqual(100);
			emitted.push(...items);
		}
		expect(await engine.tick()).toBeNull();
		expect(emitted.length).toBe(new Set(emitted).size);
		expect(emitted.sort()).toEqual(readyIds(sandbox, SINCE));
		expect(emitted).toHaveLength(280);
	});

	it('emits the same items, poll by poll, with 10% of requests failing as with none', async () => {
		sandbox = await sandboxWith(12, 15, 2);
		const random = seededRandom(8);
		const clock = { now: BASE_TIME + 60_000 };
		const flaky = new PollEngine(sandbox, parametersFor(10_000), RATE);
		const clean = new PollEngine(sandbox, parametersFor(10_000), RATE);
		sandbox.resetStats();
		for (let round = 0; round < 6; round++) {
			finishSome(sandbox, random, 12, clock);
			sandbox.setFaults({ seed: round + 1, rate429: 0.03, rate5xx: 0.04, rateDrop: 0.03 });
			const withFaults = idsOf((await flaky.tick()) ?? []);
			sandbox.setFaults(undefined);
			const withoutFaults = idsOf((await clean.tick()) ?? []);
			expect(withFaults).toEqual(withoutFaults);
		}
		expect(sandbox.stats().injectedFaults).toBeGreaterThan(5);
	});

	it('emits the items again when n8n could not hand them over, and only then moves on', async () => {
		sandbox = await sandboxWith(3, 0);
		const [test] = sandbox.store.tests();
		sandbox.store.addSessions(test.id, 5, { finishDates: [1, 2, 3, 4, 5].map((n) => SINCE + n) });
		const engine = new PollEngine(sandbox, parametersFor(100), RATE);

		const lost = idsOf((await engine.tick({ handedOff: false })) ?? []);
		const again = idsOf((await engine.tick()) ?? []);
		expect(lost).toHaveLength(5);
		expect(again).toEqual(lost);
		expect(await engine.tick()).toBeNull();
	});

	it('stops within the poll budget n8n gives it, and the next polls carry on', async () => {
		sandbox = await sandboxWith(3, 0);
		for (const test of sandbox.store.tests()) {
			sandbox.store.addSessions(test.id, 120, { finishDates: Array.from({ length: 120 }, (_, n) => SINCE + n) });
		}
		const engine = new PollEngine(sandbox, parametersFor(10_000), 5);
		const started = Date.now();
		const first = idsOf((await engine.tick({ pollBudgetMs: 2000 })) ?? []);
		// Requests start within the budget; the last ones may wait out one rate-limit window.
		expect(Date.now() - started).toBeLessThan(2000 + 1100);
		expect(first.length).toBeGreaterThan(0);
		expect(first.length).toBeLessThan(360);

		const rest = idsOf(await engine.drain({ pollBudgetMs: 2000 }));
		expect([...first, ...rest].sort()).toEqual(readyIds(sandbox, SINCE));
	});
});

describe('CodeSignal Results Trigger: exactly once when n8n dies, lists hold nulls, pages are capped, finishes arrive late', () => {
	let sandbox: CodeSignalSandbox;
	let logs: ReturnType<typeof recordLogs>;
	beforeEach(() => (logs = recordLogs()));
	afterEach(async () => {
		await sandbox.close();
		logs.restore();
	});

	/** Sessions finished one millisecond apart after SINCE, in the first test. */
	function finished(count: number) {
		const [test] = sandbox.store.tests();
		return sandbox.store.addSessions(test.id, count, { finishDates: Array.from({ length: count }, (_, n) => SINCE + 1 + n) });
	}

	it('hands a batch over again when n8n is killed while its execution runs, and only that batch', async () => {
		sandbox = await sandboxWith(2, 0);
		const sessions = finished(12);
		const engine = new PollEngine(sandbox, parametersFor(100), RATE);

		const lost = idsOf((await engine.tick({ execution: 'lost' })) ?? []);
		expect(lost.sort()).toEqual(sessions.map((session) => session.id).sort());
		engine.restart();
		const again = idsOf((await engine.tick()) ?? []);
		expect(again.sort()).toEqual(lost);
		expect(await engine.tick()).toBeNull();
		engine.restart();
		expect(await engine.tick()).toBeNull();
	});

	it('hands a batch over again after its execution failed, up to five times, then says it gave up', async () => {
		sandbox = await sandboxWith(2, 0);
		finished(3);
		const engine = new PollEngine(sandbox, parametersFor(100), RATE);
		const handOvers = [];
		for (let poll = 0; poll < 7; poll++) handOvers.push(idsOf((await engine.tick({ execution: 'error' })) ?? []).length);
		expect(handOvers).toEqual([3, 3, 3, 3, 3, 0, 0]);
		expect(logs.lines.filter((line) => line.level === 'warn' && line.message.includes('not handed over again'))).toHaveLength(3);
	});

	it('counts null entries as entries: none ends a scan, each is reported, and every session still comes once', async () => {
		sandbox = await sandboxWith(3, 0);
		for (const test of sandbox.store.tests()) {
			sandbox.store.addSessions(test.id, 45, { finishDates: Array.from({ length: 45 }, (_, n) => SINCE + 1 + n) });
		}
		sandbox.setFaults({ seed: 4, nullEntryRate: 0.15 });
		const engine = new PollEngine(sandbox, parametersFor(1000), RATE);
		const emitted = idsOf(await engine.drain());
		// An entry that was null in one poll is read again by the next one's look-back.
		sandbox.setFaults(undefined);
		emitted.push(...idsOf(await engine.drain()));
		expect(emitted.sort()).toEqual(readyIds(sandbox, SINCE));
		expect(logs.lines.some((line) => line.message.includes('empty (null) entries'))).toBe(true);
	});

	it('finds a silent cap on the page size: with Page Size 50 and pages capped at 20, every session comes once', async () => {
		sandbox = await sandboxWith(2, 0);
		const sessions = finished(147);
		sandbox.setFaults({ silentPageCap: 20 });
		const engine = new PollEngine(sandbox, { ...parametersFor(1000), options: { ...parametersFor(1000).options, pageSize: 50 } }, RATE);
		expect(idsOf(await engine.drain()).sort()).toEqual(sessions.map((session) => session.id).sort());
		expect(engine.committed.sync).toMatchObject({ state: { pageCap: 20 } });
	});

	it('emits a finish that becomes visible after later ones, within the look-back, once', async () => {
		sandbox = await sandboxWith(2, 0);
		const [test] = sandbox.store.tests();
		const [early, late] = sandbox.store.addSessions(test.id, 2, { status: 'pending' });
		const engine = new PollEngine(sandbox, parametersFor(100, BASE_TIME), RATE);
		const now = Date.now();
		sandbox.store.finishSession(late.id, now - 1_000);
		// Finished before `late`, but listed only after the next poll.
		sandbox.store.finishSession(early.id, now - 60_000, undefined, now + 200);
		expect(idsOf((await engine.tick()) ?? [])).toEqual([late.id]);
		await new Promise((resolve) => setTimeout(resolve, 250));
		expect(idsOf((await engine.tick()) ?? [])).toEqual([early.id]);
		expect(await engine.tick()).toBeNull();
	});
});
