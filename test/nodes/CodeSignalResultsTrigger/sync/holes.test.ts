import {
	HoleFinder,
	MAX_HOLE_RECHECKS,
	MAX_HOLES,
	updateHoles,
	type Hole,
	type HoleScan,
} from '../../../../nodes/CodeSignalResultsTrigger/sync/holes';

const TOP = Number.MAX_SAFE_INTEGER;

/** Feeds a scan's entries, newest first: [id, finishDate] or null. */
function feed(finder: HoleFinder, entries: Array<[string, number] | null>): HoleFinder {
	for (const entry of entries) {
		if (entry === null) finder.nullEntry();
		else finder.session(entry[0], entry[1]);
	}
	return finder;
}

describe('HoleFinder: where a scan met nulls', () => {
	it('makes the range between the two sessions around nulls a hole, with the ids read in that range', () => {
		const scan = feed(new HoleFinder(true), [['a', 50], null, null, ['b', 30], ['c', 30], ['d', 20]]).ended();
		expect(scan).toEqual({ holes: [{ from: 30, to: 50, ids: ['a', 'b', 'c'] }], reach: { low: 20, high: TOP } });
	});

	it('makes no hole of nulls at the top of the list: the next scan reads the top again', () => {
		expect(feed(new HoleFinder(true), [null, ['a', 50], ['b', 40]]).ended().holes).toEqual([]);
	});

	it('makes a hole down to the start of time of nulls after the last finished session', () => {
		const scan = feed(new HoleFinder(true), [['a', 50], null]).finishedEnded();
		expect(scan).toEqual({ holes: [{ from: 0, to: 50, ids: ['a'] }], reach: { low: 0, high: TOP } });
	});

	it('leaves nulls after the last session of a cut scan to the next one, and claims nothing of that millisecond', () => {
		const scan = feed(new HoleFinder(false), [['a', 50], ['b', 40], null]).cut();
		expect(scan).toEqual({ holes: [], reach: { low: 41, high: 49 } });
	});
});

const scanOf = (holes: HoleScan['holes'], low: number, high = TOP): HoleScan => ({ holes, reach: { low, high } });
const nothingUnread = { ranges: [], emitted: [] };

describe('updateHoles', () => {
	const hole: Hole = { from: 100, to: 200, ids: ['x'], rechecks: 0 };

	it('makes no hole of a null where the list was read in full before: what it hides was emitted then', () => {
		const update = updateHoles([], scanOf([{ from: 100, to: 200, ids: [] }], 0), nothingUnread, []);
		expect(update.holes).toEqual([]);
	});

	it('makes a hole of a null where the list was never read, with the ids emitted there', () => {
		const unread = { ranges: [{ from: 150, to: TOP }], emitted: [{ id: 'y', finishDate: 160 }] };
		const update = updateHoles([], scanOf([{ from: 100, to: 200, ids: ['z'] }], 0), unread, []);
		expect(update.holes).toEqual([{ from: 150, to: 200, ids: ['z', 'y'], rechecks: 0 }]);
	});

	it('closes a hole that a scan read again without a null, and keeps one the scan did not reach', () => {
		const deep: Hole = { from: 10, to: 20, ids: [], rechecks: 1 };
		const update = updateHoles([hole, deep], scanOf([], 50), nothingUnread, []);
		expect(update.holes).toEqual([deep]);
	});

	it('counts a null met again in a hole, and gives the range up after MAX_HOLE_RECHECKS', () => {
		let holes = [hole];
		const givenUp = [];
		for (let scan = 0; scan <= MAX_HOLE_RECHECKS; scan++) {
			const update = updateHoles(holes, scanOf([{ from: 120, to: 180, ids: [] }], 0), nothingUnread, []);
			holes = update.holes;
			givenUp.push(...update.givenUp);
		}
		expect(holes).toEqual([]);
		expect(givenUp).toEqual([{ from: 120, to: 180 }]);
	});

	it('adds the sessions emitted in a hole to its ids', () => {
		const update = updateHoles([hole], scanOf([], 300), nothingUnread, [{ id: 'h', finishDate: 150 }]);
		expect(update.holes).toEqual([{ ...hole, ids: ['x', 'h'] }]);
	});

	it(`keeps at most ${MAX_HOLES} holes, giving up the oldest`, () => {
		const many = Array.from({ length: MAX_HOLES + 2 }, (_, n) => ({ from: n * 10, to: n * 10 + 5, ids: [] }));
		const update = updateHoles([], scanOf(many, 0), { ranges: [{ from: 0, to: TOP }], emitted: [] }, []);
		expect(update.holes).toHaveLength(MAX_HOLES);
		expect(update.givenUp).toEqual([
			{ from: 10, to: 15 },
			{ from: 0, to: 5 },
		]);
	});
});
