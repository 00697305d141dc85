import {
	newSyncState,
	pollFinishedSessions,
	type SyncSettings,
	type SyncState,
} from '../../../../nodes/CodeSignalResultsTrigger/sync/engine';
import { StepError } from '../../../../nodes/shared/errors';
import { FakeCodeSignal, seededRandom, type FakeSession } from './fakeCodeSignal';

const DAY = 86_400_000;
const SINCE = 1_000_000;

const settings = (overrides: Partial<SyncSettings> = {}): SyncSettings => ({
	maxItems: 1000,
	pageSize: 20,
	includeNotVerified: true,
	watchForMs: 30 * DAY,
	...overrides,
});

/** As n8n stores static data: JSON, read back by the next poll (or after a restart). */
const stored = (state: SyncState): SyncState => JSON.parse(JSON.stringify(state));

async function poll(fake: FakeCodeSignal, state: SyncState, overrides: Partial<SyncSettings> = {}) {
	const outcome = await pollFinishedSessions(fake, stored(state), settings(overrides));
	return { ...outcome, ids: outcome.sessions.map((session) => session.id) };
}

/** Sessions a complete sync must have emitted: finished since SINCE, and decided if proctored. */
const ready = (fake: FakeCodeSignal, includeNotVerified = true) =>
	fake
		.all()
		.filter(
			(session) =>
				session.finishDate !== null &&
				session.finishDate >= SINCE &&
				(session.verificationStatus === null ||
					session.verificationStatus === 'verified' ||
					(includeNotVerified && session.verificationStatus === 'notVerified')),
		)
		.map((session) => session.id)
		.sort();

describe('polling for finished sessions', () => {
	it('emits every ready session exactly once through arrivals, ties, caps, restarts, verifications and failed polls', async () => {
		const random = seededRandom(42);
		const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)];
		const fake = new FakeCodeSignal({ seed: 42, shuffleTies: true });
		let clock = SINCE - 50_000;
		const finishSome = (count: number) => {
			const testIds = [...new Set(fake.all().map((session) => session.testId))];
			for (let index = 0; index < count; index++) {
				if (random() > 0.3) clock += 1 + Math.floor(random() * 3);
				const proctored = random() < 0.2;
				fake.addSession(pick(testIds), clock, proctored);
			}
		};
		for (let test = 0; test < 6; test++) {
			const testId = fake.addTest();
			for (let index = 0; index < 5; index++) fake.addSession(testId, null);
		}
		finishSome(120); // history before SINCE: never emitted
		clock = SINCE;
		finishSome(400);

		let state = newSyncState(SINCE);
		const emitted: string[] = [];
		let failedPolls = 0;
		for (let round = 0; round < 60; round++) {
			if (random() < 0.15) fake.addTest();
			finishSome(Math.floor(random() * 40));
			for (const session of fake.all()) {
				if (session.verificationStatus === 'pending' && random() < 0.3) fake.verify(session.id, random() < 0.8 ? 'verified' : 'notVerified');
			}
			const failAt = random() < 0.2 ? fake.requests + 1 + Math.floor(random() * 20) : undefined;
			fake.beforeRequest = (requestNumber) => {
				if (random() < 0.2) finishSome(2);
				if (requestNumber === failAt) throw new Error('HTTP 503');
			};
			try {
				const outcome = await poll(fake, state, { maxItems: 5 + Math.floor(random() * 60), pageSize: 7, now: () => clock });
				emitted.push(...outcome.ids);
				state = outcome.state;
			} catch (error) {
				expect(error).toBeInstanceOf(StepError);
				failedPolls++;
			}
		}
		fake.beforeRequest = () => {};
		for (const session of fake.all()) if (session.verificationStatus === 'pending') fake.verify(session.id, 'verified');
		for (let round = 0; round < 100; round++) {
			const outcome = await poll(fake, state, { maxItems: 50, pageSize: 7, now: () => clock });
			emitted.push(...outcome.ids);
			state = outcome.state;
			if (outcome.caughtUp && outcome.ids.length === 0) break;
		}

		expect(failedPolls).toBeGreaterThan(3);
		expect(emitted.length).toBe(new Set(emitted).size);
		expect([...emitted].sort()).toEqual(ready(fake));
	});

	it('reads no session twice in a steady state: one page per test per poll', async () => {
		const fake = new FakeCodeSignal();
		const testIds = [fake.addTest(), fake.addTest(), fake.addTest()];
		let state = newSyncState(SINCE);
		let clock = SINCE;
		for (let round = 0; round < 5; round++) {
			for (const testId of testIds) fake.addSession(testId, clock++);
			const before = fake.requests;
			const outcome = await poll(fake, state);
			state = outcome.state;
			expect(outcome.ids).toHaveLength(3);
			expect(fake.requests - before).toBe(1 + testIds.length);
		}
	});

	it('never holds more than the cap, and lets every test progress when one has a large backlog', async () => {
		const fake = new FakeCodeSignal();
		const busy = fake.addTest();
		const quiet = fake.addTest();
		for (let index = 0; index < 300; index++) fake.addSession(busy, SINCE + index);
		fake.addSession(quiet, SINCE + 5);
		let state = newSyncState(SINCE);
		const polls: string[][] = [];
		for (let round = 0; round < 10; round++) {
			const outcome = await poll(fake, state, { maxItems: 40, concurrency: 1 });
			polls.push(outcome.ids);
			state = outcome.state;
			if (outcome.caughtUp) break;
		}
		expect(Math.max(...polls.map((ids) => ids.length))).toBe(40);
		expect(polls.slice(0, 2).flat()).toContain(fake.all().find((session) => session.testId === quiet)!.id);
		expect(polls.flat().sort()).toEqual(ready(fake));
	});

	it('emits a proctored session when it is verified, not when it finishes, and lets go of one never decided', async () => {
		const fake = new FakeCodeSignal();
		const testId = fake.addTest();
		const verifiedLater = fake.addSession(testId, SINCE + 1, true);
		const rejected = fake.addSession(testId, SINCE + 2, true);
		const forgotten = fake.addSession(testId, SINCE + 3, true);
		let state = newSyncState(SINCE);
		const at = (day: number) => () => SINCE + day * DAY;

		const first = await poll(fake, state, { now: at(0) });
		expect(first.ids).toEqual([]);
		expect(first.state.awaitingVerification.map((session) => session.id).sort()).toEqual([verifiedLater.id, rejected.id, forgotten.id]);
		state = first.state;
		state = (await poll(fake, state, { now: at(1) })).state;

		fake.verify(verifiedLater.id, 'verified');
		fake.verify(rejected.id, 'notVerified');
		const third = await poll(fake, state, { now: at(2), includeNotVerified: false });
		expect(third.ids).toEqual([verifiedLater.id]);
		expect(third.state.awaitingVerification.map((session) => session.id)).toEqual([forgotten.id]);

		const late = await poll(fake, third.state, { now: at(31) });
		expect(late.state.awaitingVerification).toEqual([]);
		fake.verify(forgotten.id, 'verified');
		expect((await poll(fake, late.state, { now: at(32) })).ids).toEqual([]);
	});

	it('picks up tests created after the sync started, from the same start time', async () => {
		const fake = new FakeCodeSignal();
		fake.addSession(fake.addTest(), SINCE + 1);
		const first = await poll(fake, newSyncState(SINCE));
		const newTest = fake.addTest();
		const old = fake.addSession(newTest, SINCE - 1);
		const fresh = fake.addSession(newTest, SINCE + 2);
		const second = await poll(fake, first.state);
		expect(second.ids).toEqual([fresh.id]);
		expect(second.ids).not.toContain(old.id);
	});

	it('reads only the chosen tests when some are chosen', async () => {
		const fake = new FakeCodeSignal();
		const chosen = fake.addTest();
		const other = fake.addTest();
		const wanted = fake.addSession(chosen, SINCE + 1);
		fake.addSession(other, SINCE + 1);
		const outcome = await poll(fake, newSyncState(SINCE), { testIds: [chosen] });
		expect(outcome.ids).toEqual([wanted.id]);
		expect(fake.requests).toBe(1);
	});

	it('starts no request after the deadline, and the next poll goes on from where this one stopped', async () => {
		const fake = new FakeCodeSignal();
		const testIds = [fake.addTest(), fake.addTest(), fake.addTest()];
		for (const testId of testIds) for (let index = 0; index < 30; index++) fake.addSession(testId, SINCE + index);
		let time = 0;
		fake.beforeRequest = () => (time += 10);

		const cut = await poll(fake, newSyncState(SINCE), { now: () => time, deadline: 45, concurrency: 1 });
		expect(cut.caughtUp).toBe(false);
		expect(fake.requests).toBe(5);
		time = 0;
		const rest = await poll(fake, cut.state, { now: () => time, deadline: 1000 });
		expect(rest.caughtUp).toBe(true);
		expect([...cut.ids, ...rest.ids].sort()).toEqual(ready(fake));
	});

	it('names the test whose page failed, and keeps the previous state', async () => {
		const fake = new FakeCodeSignal();
		const testId = fake.addTest();
		const sessions: FakeSession[] = [];
		for (let index = 0; index < 50; index++) sessions.push(fake.addSession(testId, SINCE + index));
		const state = newSyncState(SINCE);
		const before = stored(state);
		fake.beforeRequest = (requestNumber) => {
			if (requestNumber === 3) throw new Error('HTTP 500');
		};
		await expect(poll(fake, state)).rejects.toMatchObject({ note: `The sync stopped while reading the sessions of test ${testId}.` });
		expect(state).toEqual(before);
	});
});

describe('null entries deep in the history', () => {
	const HOUR = 3_600_000;
	const lookBack = { lookBackMs: DAY, pageSize: 20 };

	/** Polls until caught up; every session emitted, in order. */
	async function pollUntilCaughtUp(fake: FakeCodeSignal, state: SyncState, overrides: Partial<SyncSettings>, maxPolls = 200) {
		const emitted: string[] = [];
		for (let count = 0; count < maxPolls; count++) {
			const outcome = await poll(fake, state, overrides);
			emitted.push(...outcome.ids);
			state = outcome.state;
			if (outcome.caughtUp && outcome.ids.length === 0) return { emitted, state };
		}
		throw new Error(`Not caught up after ${maxPolls} polls`);
	}

	it.each([7, 30, 1000])(
		'reads again where a null hid a session days below the look-back, during a backfill of ten days (cap %i)',
		async (maxItems) => {
			const fake = new FakeCodeSignal();
			const testId = fake.addTest();
			const sessions = Array.from({ length: 120 }, (_, index) => fake.addSession(testId, SINCE + index * 2 * HOUR));
			// Hidden while the backfill passes them: one in each of the oldest days, far below the look-back.
			for (const index of [3, 15, 40, 41, 77]) fake.listedAsNull.add(sessions[index].id);
			const first = await pollUntilCaughtUp(fake, newSyncState(SINCE), { ...lookBack, maxItems });
			expect(first.emitted).toHaveLength(115);

			fake.listedAsNull.clear();
			const then = await pollUntilCaughtUp(fake, first.state, { ...lookBack, maxItems });
			expect([...first.emitted, ...then.emitted].sort()).toEqual(ready(fake));
			expect(then.state.tests[testId].holes).toBeUndefined();
		},
	);

	it('gives up a range a null keeps hiding after five more polls, says which, and stops reading down there', async () => {
		const fake = new FakeCodeSignal();
		const testId = fake.addTest();
		const sessions = Array.from({ length: 100 }, (_, index) => fake.addSession(testId, SINCE + index * 2 * HOUR));
		fake.listedAsNull.add(sessions[10].id);
		let state = newSyncState(SINCE);
		const givenUp = [];
		const requests = [];
		for (let count = 0; count < 9; count++) {
			const before = fake.requests;
			const outcome = await poll(fake, state, { ...lookBack, maxItems: 1000 });
			state = outcome.state;
			givenUp.push(outcome.givenUp);
			requests.push(fake.requests - before);
		}
		expect(givenUp.map((ranges) => ranges.length)).toEqual([0, 0, 0, 0, 0, 0, 1, 0, 0]);
		expect(givenUp[6][0]).toEqual({ testId, from: sessions[9].finishDate, to: sessions[11].finishDate });
		// The test list, then down to the hole (5 pages) while it is open; the look-back's single page once given up.
		expect(requests).toEqual([7, 6, 6, 6, 6, 6, 6, 2, 2]);
	});

	it.each([1, 2, 3, 4, 5, 6, 7, 8])(
		'emits every session once while a tenth of the entries of every response are null, sessions finish and pages are capped (seed %i)',
		async (seed) => {
			const random = seededRandom(seed);
			const fake = new FakeCodeSignal({ seed, nullRate: 0.1, shuffleTies: true, cap: seed % 2 === 0 ? 20 : undefined });
			const testIds = [fake.addTest(), fake.addTest()];
			for (const testId of testIds) {
				for (let index = 0; index < 90; index++) fake.addSession(testId, SINCE + Math.floor(index / 3) * 5 * HOUR);
			}
			const open = testIds.flatMap((testId) => Array.from({ length: 20 }, () => fake.addSession(testId)));
			let clock = SINCE + 200 * 5 * HOUR;
			const emitted: string[] = [];
			let state = newSyncState(SINCE);
			const overrides = { ...lookBack, maxItems: 25, pageSize: seed % 2 === 0 ? 50 : 20 };
			for (let count = 0; count < 40; count++) {
				for (const session of open.splice(0, Math.floor(random() * 2))) fake.finish(session.id, (clock += HOUR));
				const outcome = await poll(fake, state, overrides);
				emitted.push(...outcome.ids);
				state = outcome.state;
			}
			// Nulls stop: the holes left are read again and closed.
			const calm = new FakeCodeSignal();
			Object.assign(fake, { options: { ...calm['options'], cap: seed % 2 === 0 ? 20 : undefined } });
			emitted.push(...(await pollUntilCaughtUp(fake, state, overrides)).emitted);
			expect(emitted.length).toBe(new Set(emitted).size);
			expect([...emitted].sort()).toEqual(ready(fake));
		},
	);
});
