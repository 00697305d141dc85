import { paced } from '../../../../nodes/CodeSignalResultsTrigger/sync/pacing';
import { FakeCodeSignal } from './fakeCodeSignal';

it('spreads concurrent requests evenly instead of sending them in a burst', async () => {
	const fake = new FakeCodeSignal();
	const testId = fake.addTest();
	const starts: number[] = [];
	fake.beforeRequest = () => starts.push(performance.now());
	const source = paced(fake, 100);

	await Promise.all(Array.from({ length: 12 }, (_, offset) => source.listSessions(testId, { offset, first: 1 })));

	const gaps = starts.slice(1).map((start, index) => start - starts[index]);
	expect(starts).toHaveLength(12);
	// 100 requests a second on the transport limiter's grid: one every 10.4 ms, less the up to 1 ms by which
	// Node's timers may fire early (they round to whole milliseconds). A burst would have gaps near 0.
	expect(Math.min(...gaps)).toBeGreaterThanOrEqual(9);
	expect(starts[11] - starts[0]).toBeGreaterThanOrEqual(11 * (10.4 - 1));
});
