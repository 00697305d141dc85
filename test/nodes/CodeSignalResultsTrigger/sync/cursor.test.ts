import { advance, classify, MAX_RECENT, startCursor } from '../../../../nodes/CodeSignalResultsTrigger/sync/cursor';

const HOUR = 3_600_000;
const complete = (collected: Array<{ id: string; finishDate: number; verificationStatus?: string | null }>) => ({
	collected,
	complete: true,
	nextOffset: 0,
});

describe('a test cursor looking back for late sessions', () => {
	it('collects a session that became visible below what was synced, once, within the look-back', () => {
		let cursor = startCursor(0);
		cursor = advance(cursor, complete([{ id: 'b', finishDate: 10 * HOUR }]), 24 * HOUR).cursor;
		expect(cursor.through.at).toBe(10 * HOUR);
		// Finished earlier than b, listed only now.
		expect(classify(cursor, { id: 'a', finishDate: 9 * HOUR })).toBe('collect');
		expect(classify(cursor, { id: 'b', finishDate: 10 * HOUR })).toBe('skip');
		cursor = advance(cursor, complete([{ id: 'a', finishDate: 9 * HOUR }]), 24 * HOUR).cursor;
		expect(classify(cursor, { id: 'a', finishDate: 9 * HOUR })).toBe('skip');
	});

	it('reads no further back than the look-back, nor below where it started recording', () => {
		let cursor = advance(startCursor(5 * HOUR), complete([{ id: 'x', finishDate: 40 * HOUR }]), 24 * HOUR).cursor;
		expect(cursor.lookBackFrom).toBe(16 * HOUR);
		expect(classify(cursor, { id: 'old', finishDate: 15 * HOUR })).toBe('end');
		// A cursor saved before look-backs existed starts recording at its position.
		cursor = advance({ through: { at: 40 * HOUR, ids: ['x'] } }, complete([]), 24 * HOUR).cursor;
		expect(cursor.lookBackFrom).toBe(40 * HOUR);
	});

	it('remembers at most MAX_RECENT sessions, shortening the look-back past them', () => {
		const many = Array.from({ length: MAX_RECENT + 10 }, (_, n) => ({ id: `s${n}`, finishDate: 1000 + n }));
		const cursor = advance(startCursor(0), complete(many), 24 * HOUR).cursor;
		expect(Object.keys(cursor.recent ?? {})).toHaveLength(MAX_RECENT);
		expect(cursor.lookBackFrom).toBe(1000 + 10);
		expect(classify(cursor, { id: 's9', finishDate: 1009 })).toBe('end');
		expect(classify(cursor, { id: 's10', finishDate: 1010 })).toBe('skip');
	});

	it('marks a test whose sessions are proctored', () => {
		const cursor = advance(startCursor(0), complete([{ id: 'p', finishDate: 5, verificationStatus: 'pending' }]), HOUR).cursor;
		expect(cursor.proctored).toBe(true);
	});
});
