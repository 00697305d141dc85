import { PollBudget } from '../../../../nodes/CodeSignalResultsTrigger/sync/budget';
import { advance, classify, startCursor, type TestCursor } from '../../../../nodes/CodeSignalResultsTrigger/sync/cursor';
import { scanSessions } from '../../../../nodes/CodeSignalResultsTrigger/sync/scan';
import { FakeCodeSignal } from './fakeCodeSignal';

async function scanOnce(fake: FakeCodeSignal, testId: string, cursor: TestCursor, budget = new PollBudget(Infinity), pageSize = 20) {
	const scan = await scanSessions({
		fetchPage: (offset, first) => fake.listSessions(testId, { offset, first }),
		classify: (session) => classify(cursor, session),
		pageSize,
		budget,
		startOffset: cursor.drain?.offset,
		resumeAfter: cursor.drain?.oldest.at,
	});
	return { ids: scan.collected.map((session) => session.id), cursor: advance(cursor, scan).cursor, complete: scan.complete };
}

function withHistory(fake: FakeCodeSignal, count: number, finishDate = (index: number) => 1000 + index) {
	const testId = fake.addTest();
	const ids = Array.from({ length: count }, (_, index) => fake.addSession(testId, finishDate(index)).id);
	fake.addSession(testId, null);
	fake.addSession(testId, 10);
	return { testId, ids };
}

describe('scanning a test\'s sessions', () => {
	it('collects each session that finished since the cursor once, although sessions finishing meanwhile shift the pages', async () => {
		const fake = new FakeCodeSignal();
		const { testId, ids } = withHistory(fake, 100);
		let clock = 5000;
		const late: string[] = [];
		fake.beforeRequest = () => late.push(fake.addSession(testId, clock++).id, fake.addSession(testId, clock++).id);

		const first = await scanOnce(fake, testId, startCursor(1000));
		expect(first.complete).toBe(true);
		expect(new Set(first.ids).size).toBe(first.ids.length);
		expect(first.ids).toEqual(expect.arrayContaining(ids));

		fake.beforeRequest = () => {};
		const second = await scanOnce(fake, testId, first.cursor);
		expect([...first.ids, ...second.ids].sort()).toEqual([...ids, ...late].sort());
	});

	it('reads a group of sessions finished in the same millisecond again when a page boundary cuts it', async () => {
		const fake = new FakeCodeSignal({ seed: 7, shuffleTies: true });
		const { testId, ids } = withHistory(fake, 60, (index) => 1000 + Math.floor(index / 5));

		// The listing really is unstable: a plain offset read of it loses sessions.
		const plain = [];
		for (let offset = 0; offset < 60; offset += 7) plain.push(...(await fake.listSessions(testId, { offset, first: 7 })));
		expect(new Set(plain.map((session) => session!.id)).size).toBeLessThan(60);

		const scan = await scanOnce(fake, testId, startCursor(1000), new PollBudget(Infinity), 7);
		expect(scan.ids.sort()).toEqual([...ids].sort());
	});

	it('stops at the budget and resumes exactly there, reading each page about once', async () => {
		const fake = new FakeCodeSignal();
		const { testId, ids } = withHistory(fake, 95);
		let cursor = startCursor(1000);
		const chunks: string[][] = [];
		for (let poll = 0; poll < 10 && !(cursor.drain === undefined && chunks.length > 0); poll++) {
			const scan = await scanOnce(fake, testId, cursor, new PollBudget(30));
			chunks.push(scan.ids);
			cursor = scan.cursor;
		}
		expect(chunks.map((chunk) => chunk.length)).toEqual([30, 30, 30, 5]);
		expect(chunks.flat().sort()).toEqual([...ids].sort());
		// 95 sessions in pages of 20 is 5 pages; each resumed chunk re-reads one page boundary at most.
		expect(fake.requests).toBeLessThanOrEqual(5 + 3 + 1);
	});

	it('steps back when sessions above the resume offset disappeared, so the ones that moved up are not skipped', async () => {
		const fake = new FakeCodeSignal();
		const { testId, ids } = withHistory(fake, 50);
		const first = await scanOnce(fake, testId, startCursor(1000), new PollBudget(20));
		for (const id of first.ids.slice(0, 8)) fake.remove(id);

		const second = await scanOnce(fake, testId, first.cursor);
		expect(second.complete).toBe(true);
		expect([...first.ids, ...second.ids].sort()).toEqual([...ids].sort());
	});
});
