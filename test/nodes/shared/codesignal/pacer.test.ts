import { PACING_MARGIN, RequestPacer, spacingMs } from '../../../../nodes/shared/codesignal/pacer';
import { busiestWindow, FakeClock } from '../../../helpers/fakeClock';

function pacedSends(clock: FakeClock, requestsPerSecond: number) {
	const pacer = new RequestPacer(() => spacingMs(requestsPerSecond), clock);
	const sentAt: number[] = [];
	const send = async () => await pacer.run(async () => sentAt.push(clock.now()));
	return { pacer, sentAt, send };
}

describe('RequestPacer', () => {
	it('sends concurrent requests one spacing apart, the first at once, as fast as the spacing allows', async () => {
		const clock = new FakeClock();
		const { sentAt, send } = pacedSends(clock, 10);
		const all = Promise.all(Array.from({ length: 25 }, send));
		await clock.run();
		await all;

		const spacing = 1000 * (1 + PACING_MARGIN) / 10;
		expect(sentAt).toEqual(Array.from({ length: 25 }, (_, index) => index * spacing));
		expect(busiestWindow(sentAt)).toBe(10);
	});

	it('releases no burst after the event loop stalls: the backlog leaves one spacing apart', async () => {
		const clock = new FakeClock();
		const { sentAt, send } = pacedSends(clock, 10);
		const all = Promise.all(Array.from({ length: 12 }, send));
		// The first request leaves, then the process is blocked for 3 s while 11 wait.
		await new Promise((resolve) => setImmediate(resolve));
		clock.stall(3000);
		await clock.run();
		await all;

		expect(sentAt[0]).toBe(0);
		expect(sentAt[1]).toBe(3000);
		const gaps = sentAt.slice(2).map((at, index) => at - sentAt[index + 1]);
		for (const gap of gaps) expect(gap).toBeCloseTo(spacingMs(10), 6);
		expect(busiestWindow(sentAt)).toBe(10);
	});

	it('spaces the next request from when the previous one was really sent, not from when it was due', async () => {
		const clock = new FakeClock();
		const { sentAt, send } = pacedSends(clock, 5);
		const first = send();
		await clock.run();
		await first;
		// A late timer: the second request is due at 203 ms but its timer fires at 450 ms.
		const second = send();
		const third = send();
		await new Promise((resolve) => setImmediate(resolve));
		clock.stall(450);
		await clock.run();
		await Promise.all([second, third]);

		expect(sentAt).toEqual([0, 450, 450 + spacingMs(5)]);
	});

	it('holds every request until a Retry-After has passed', async () => {
		const clock = new FakeClock();
		const { pacer, sentAt, send } = pacedSends(clock, 10);
		pacer.holdUntilTime(1000);
		const all = Promise.all([send(), send()]);
		await clock.run();
		await all;

		expect(sentAt).toEqual([1000, 1000 + spacingMs(10)]);
	});

	it('passes on a failed send as a rejection and goes on with the next', async () => {
		const clock = new FakeClock();
		const pacer = new RequestPacer(() => spacingMs(10), clock);
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
