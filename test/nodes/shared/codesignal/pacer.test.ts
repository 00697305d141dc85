import { PACING_MARGIN_MS, RequestPacer } from '../../../../nodes/shared/codesignal/pacer';
import { busiestWindow, FakeClock } from '../../../helpers/fakeClock';
import { mulberry32 as seeded } from '../../../../sandbox/codesignal/random';

/** A pacer whose sends are answered at once and stamped on the fake clock. */
function pacedSends(clock: FakeClock, requestsPerSecond: number) {
	const pacer = new RequestPacer(() => requestsPerSecond, clock);
	const sentAt: number[] = [];
	const send = async () => await pacer.run(async () => sentAt.push(clock.now()));
	return { pacer, sentAt, send };
}

const tick = async () => await new Promise((resolve) => setImmediate(resolve));

describe('RequestPacer', () => {
	it('sends concurrent requests evenly spaced, the first at once, as fast as the limit allows', async () => {
		const clock = new FakeClock();
		const { sentAt, send } = pacedSends(clock, 10);
		const all = Promise.all(Array.from({ length: 25 }, send));
		await clock.run();
		await all;

		// 100 ms apart; the 11th waits for a second (and the margin) after the 1st was answered.
		expect(sentAt).toEqual(Array.from({ length: 25 }, (_, k) => k * 100 + Math.floor(k / 10) * PACING_MARGIN_MS));
		expect(busiestWindow(sentAt)).toBe(10);
	});

	it('releases no burst after the event loop stalls: the backlog leaves evenly spaced', async () => {
		const clock = new FakeClock();
		const { sentAt, send } = pacedSends(clock, 10);
		const all = Promise.all(Array.from({ length: 25 }, send));
		// The first request leaves, then the process is blocked for 3 s while 24 wait.
		await tick();
		clock.stall(3000);
		await clock.run();
		await all;

		expect(sentAt.slice(0, 3)).toEqual([0, 3000, 3100]);
		const gaps = sentAt.slice(1).map((at, index) => at - sentAt[index]);
		expect(Math.min(...gaps)).toBeGreaterThanOrEqual(100);
		expect(busiestWindow(sentAt)).toBe(10);
	});

	it('spaces the next request from when the previous one was really sent, not from when it was due', async () => {
		const clock = new FakeClock();
		const { sentAt, send } = pacedSends(clock, 5);
		const first = send();
		await clock.run();
		await first;
		// A late timer: the second request is due at 200 ms but runs at 450 ms.
		const second = send();
		const third = send();
		await tick();
		clock.stall(450);
		await clock.run();
		await Promise.all([second, third]);

		expect(sentAt).toEqual([0, 450, 650]);
	});

	it('never lets the server count more than the limit in a second, however late requests arrive or answers come', async () => {
		for (const seed of [1, 2, 3, 4, 5]) {
			const random = seeded(seed);
			const clock = new FakeClock();
			const pacer = new RequestPacer(() => 10, clock);
			const sentAt: number[] = [];
			const arrivedAt: number[] = [];
			// Each request travels for up to 400 ms; the server stamps its arrival anywhere on the way, and answers after.
			const send = async () =>
				await pacer.run(async () => {
					sentAt.push(clock.now());
					const latency = 400 * random();
					arrivedAt.push(clock.now() + latency * random());
					await new Promise<void>((resolve) => clock.setTimer(resolve, latency));
				});
			const all = Promise.all(Array.from({ length: 200 }, send));
			await clock.run();
			await all;

			expect(busiestWindow(arrivedAt)).toBeLessThanOrEqual(10);
			expect(Math.min(...sentAt.slice(1).map((at, index) => at - sentAt[index]))).toBeGreaterThanOrEqual(100);
		}
	});

	it('costs the answer time and the margin once per second, and nothing more', async () => {
		const clock = new FakeClock();
		const pacer = new RequestPacer(() => 10, clock);
		const sentAt: number[] = [];
		const send = async () =>
			await pacer.run(async () => {
				sentAt.push(clock.now());
				await new Promise<void>((resolve) => clock.setTimer(resolve, 20));
			});
		const all = Promise.all(Array.from({ length: 100 }, send));
		await clock.run();
		await all;

		// 10 a second, each second 20 ms (the answer) + the margin longer than 1000 ms.
		expect(sentAt[99]).toBeCloseTo(99 * 100 + 9 * (20 + PACING_MARGIN_MS), 6);
	});

	it('holds every request until a Retry-After has passed', async () => {
		const clock = new FakeClock();
		const { pacer, sentAt, send } = pacedSends(clock, 10);
		pacer.holdUntilTime(1000);
		const all = Promise.all([send(), send()]);
		await clock.run();
		await all;

		expect(sentAt).toEqual([1000, 1100]);
	});

	it('passes on a failed send as a rejection and goes on with the next', async () => {
		const clock = new FakeClock();
		const pacer = new RequestPacer(() => 10, clock);
		const failed = pacer
			.run(async () => {
				throw new Error('connection refused');
			})
			.catch((error: Error) => error.message);
		const next = pacer.run(async () => 'answer');
		await clock.run();

		await expect(failed).resolves.toBe('connection refused');
		await expect(next).resolves.toBe('answer');
	});
});
