import { finishedBetween } from '../../../../nodes/CodeSignalResultsTrigger/sync/window';
import { FakeCodeSignal } from './fakeCodeSignal';

const window = { from: 2000, to: 3000, pageSize: 20 };

function company() {
	const fake = new FakeCodeSignal({ seed: 3, shuffleTies: true });
	const testIds = [fake.addTest(), fake.addTest(), fake.addTest()];
	testIds.forEach((testId, test) => {
		for (let time = 1500 + test; time < 3500; time += 7) fake.addSession(testId, time - (time % 21));
		// On the window's edges: the start is in, the end is out.
		fake.addSession(testId, 2000);
		fake.addSession(testId, 3000);
		fake.addSession(testId, null);
	});
	return { fake, testIds };
}

const finishedIn = (fake: FakeCodeSignal, from: number, to: number, testIds?: string[]) =>
	fake
		.all()
		.filter((s) => s.finishDate !== null && s.finishDate >= from && s.finishDate < to && (!testIds || testIds.includes(s.testId)))
		.map((s) => s.id)
		.sort();

describe('sessions finished in a window', () => {
	it('returns each session finished at or after the start and before the end, once, newest first', async () => {
		const { fake } = company();
		const sessions = await finishedBetween(fake, window);
		expect(sessions.map((s) => s.id).sort()).toEqual(finishedIn(fake, 2000, 3000));
		const dates = sessions.map((s) => s.finishDate!);
		expect(dates).toEqual([...dates].sort((a, b) => b - a));
		expect(Math.min(...dates)).toBe(2000);
		expect(Math.max(...dates)).toBeLessThan(3000);
	});

	it('tiles: consecutive windows together return every session once', async () => {
		const { fake } = company();
		const parts = [];
		for (let from = 1500; from < 3500; from += 250) parts.push(...(await finishedBetween(fake, { ...window, from, to: from + 250 })));
		expect(parts.map((s) => s.id).sort()).toEqual(finishedIn(fake, 1500, 3750));
	});

	it('with a limit, returns the newest sessions of the window across the chosen tests', async () => {
		const { fake, testIds } = company();
		const chosen = testIds.slice(1);
		const sessions = await finishedBetween(fake, { ...window, testIds: chosen, limit: 25 });
		const expected = fake
			.all()
			.filter((s) => chosen.includes(s.testId) && s.finishDate !== null && s.finishDate >= 2000 && s.finishDate < 3000)
			.sort((a, b) => b.finishDate! - a.finishDate!);
		expect(sessions).toHaveLength(25);
		expect(sessions.map((s) => s.finishDate)).toEqual(expected.slice(0, 25).map((s) => s.finishDate));
		expect(sessions.every((s) => chosen.includes((s as { testId?: string }).testId!))).toBe(true);
	});

	it('jumps over newer sessions instead of paging through them for a window far back', async () => {
		const fake = new FakeCodeSignal();
		const testId = fake.addTest();
		for (let time = 0; time < 20_000; time++) fake.addSession(testId, time);
		const sessions = await finishedBetween(fake, { from: 1000, to: 1010, testIds: [testId], pageSize: 20 });
		expect(sessions.map((s) => s.finishDate)).toEqual([1009, 1008, 1007, 1006, 1005, 1004, 1003, 1002, 1001, 1000]);
		// Paging down to it would take 950 requests.
		expect(fake.requests).toBeLessThan(40);
	});
});
