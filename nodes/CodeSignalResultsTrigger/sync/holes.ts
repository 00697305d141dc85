/**
 * Holes: stretches of a test's session list where CodeSignal returned null entries. A null hides a session
 * whose finish date lies between its two neighbours, and that session may never have been emitted. The look-back
 * reads again only the last day or so; a null met days deeper (a long first backfill) would be passed for good.
 * So a hole keeps the finish-date range the null hid, and the ids already emitted in that range; every scan reads
 * down to the oldest hole and emits what it finds there that is not among those ids. A hole that no null covers
 * any more is closed; one still covered after MAX_HOLE_RECHECKS scans is given up (CodeSignal keeps hiding that
 * entry) and reported.
 */

/** A finish-date range (epoch ms, both ends included) where a null hid a session, with the ids emitted in it. */
export interface Hole {
	from: number;
	to: number;
	ids: string[];
	/** How many scans since it was found met a null in it again. */
	rechecks: number;
}

export const MAX_HOLE_RECHECKS = 5;
/** Holes a test's cursor keeps at most; beyond, the oldest are given up. */
export const MAX_HOLES = 50;

/** The finish-date range a scan read without a gap: `low` up to `high`, both included. */
export interface Reach {
	low: number;
	high: number;
}

/** What a scan found of holes: where its nulls were, and how far it read. */
export interface HoleScan {
	holes: Array<Pick<Hole, 'from' | 'to' | 'ids'>>;
	reach: Reach;
}

interface Seen {
	id: string;
	finishDate: number;
}

const TOP = Number.MAX_SAFE_INTEGER;

/**
 * Fed every entry a scan reads, in order (newest finish first). Nulls above the first session of a scan that
 * starts at the top are no hole: the next scan reads the top again. A scan that resumes inside the list starts on
 * a session (see scan.ts), so its nulls always have a neighbour above.
 */
export class HoleFinder {
	private readonly seen: Seen[] = [];

	private readonly ranges: Array<{ from: number; to: number }> = [];

	private above: number | undefined;

	private pendingNulls = 0;

	constructor(private readonly fromTop: boolean) {}

	session(id: string, finishDate: number): void {
		this.seen.push({ id, finishDate });
		if (this.pendingNulls > 0 && this.above !== undefined) {
			this.ranges.push({ from: Math.min(finishDate, this.above), to: Math.max(finishDate, this.above) });
		}
		this.pendingNulls = 0;
		this.above = finishDate;
	}

	nullEntry(): void {
		this.pendingNulls++;
	}

	/**
	 * The scan read every finished session: to the end of the list, or to the first unfinished one (they come
	 * last). Nulls just before hide anything older than the last session read.
	 */
	finishedEnded(): HoleScan {
		if (this.pendingNulls > 0 && this.above !== undefined) this.ranges.push({ from: 0, to: this.above });
		return this.result(0);
	}

	/** The scan stopped on a session it does not need (already counted through `session`). */
	ended(): HoleScan {
		return this.result(this.above ?? 0);
	}

	/**
	 * The scan was cut: nulls after its last session are read again by the next scan, which resumes above them.
	 * Sessions finished in the same millisecond as the last one may follow it: the reach stops above them.
	 */
	cut(): HoleScan {
		return this.result(this.above === undefined ? TOP : this.above + 1);
	}

	private result(low: number): HoleScan {
		// A scan resuming inside the list may start amid sessions that finished in the same millisecond.
		const high = this.fromTop ? TOP : (this.seen[0]?.finishDate ?? low) - 1;
		// Newest first, as read: each hole's ids are one run of it, found by binary search, not a pass over all.
		const byFinish = [...this.seen].sort((a, b) => b.finishDate - a.finishDate);
		const holes = this.ranges.map(({ from, to }) => {
			const ids: string[] = [];
			for (let index = firstAtOrBefore(byFinish, to); byFinish[index]?.finishDate >= from; index++) {
				ids.push(byFinish[index].id);
			}
			return { from, to, ids };
		});
		return { holes, reach: { low, high } };
	}
}

/** The first index of a newest-first list whose finish is at or before `at`. */
function firstAtOrBefore(byFinish: Seen[], at: number): number {
	let low = 0;
	let high = byFinish.length;
	while (low < high) {
		const middle = (low + high) >>> 1;
		if (byFinish[middle].finishDate > at) low = middle + 1;
		else high = middle;
	}
	return low;
}

const overlaps = (a: { from: number; to: number }, b: { from: number; to: number }) => a.from <= b.to && b.from <= a.to;

/** The holes that contain a finish date. */
const holesAt = (holes: Hole[] | undefined, finishDate: number): Hole[] =>
	(holes ?? []).filter((hole) => hole.from <= finishDate && finishDate <= hole.to);

/** Whether a session lies in a hole and was not emitted from it. */
export function isHiddenBefore(holes: Hole[] | undefined, id: string, finishDate: number): boolean {
	const containing = holesAt(holes, finishDate);
	return containing.length > 0 && containing.every((hole) => !hole.ids.includes(id));
}

/** What a scan knows of a range it may make a hole of: where sessions were never read, and the ids emitted there. */
export interface UnreadParts {
	/** Ranges of the list never read in full before this scan (a null there may hide a session never emitted). */
	ranges: Array<{ from: number; to: number }>;
	/** Ids already emitted in those ranges, by finish date. */
	emitted: Array<{ id: string; finishDate: number }>;
}

export interface HoleUpdate {
	holes: Hole[];
	givenUp: Array<Pick<Hole, 'from' | 'to'>>;
}

/**
 * The holes once a scan is taken in: the old holes it read again are replaced by what it found in their ranges
 * (a null still there counts a recheck); new nulls make holes only where the list was never read in full, since
 * elsewhere what they hide was read, and emitted, before. Sessions this scan emitted join the ids of the holes
 * they lie in.
 */
export function updateHoles(
	previous: Hole[] | undefined,
	scan: HoleScan,
	unread: UnreadParts,
	emittedNow: Array<{ id: string; finishDate: number }>,
): HoleUpdate {
	const covered = (hole: Hole) => hole.from >= scan.reach.low && hole.to <= scan.reach.high;
	const old = (previous ?? []).map((hole) => ({
		...hole,
		ids: [...hole.ids, ...emittedNow.filter((s) => hole.from <= s.finishDate && s.finishDate <= hole.to).map((s) => s.id)],
	}));
	const kept = old.filter((hole) => !covered(hole));
	const reread = old.filter(covered);
	const next: Hole[] = [...kept];
	const givenUp: HoleUpdate['givenUp'] = [];
	const emittedIn = (range: { from: number; to: number }, ids: string[]) => [
		...new Set([
			...ids,
			...unread.emitted.filter((s) => range.from <= s.finishDate && s.finishDate <= range.to).map((s) => s.id),
			...old.filter((hole) => overlaps(hole, range)).flatMap((hole) => hole.ids),
		]),
	];
	for (const found of scan.holes) {
		const parts = [...reread, ...unread.ranges]
			.filter((range) => overlaps(range, found))
			.map((range) => ({ from: Math.max(range.from, found.from), to: Math.min(range.to, found.to) }));
		for (const part of parts) {
			const rechecks = Math.max(-1, ...reread.filter((hole) => overlaps(hole, part)).map((hole) => hole.rechecks)) + 1;
			if (rechecks > MAX_HOLE_RECHECKS) {
				givenUp.push(part);
				continue;
			}
			const same = next.find((hole) => hole.from === part.from && hole.to === part.to);
			if (same) {
				same.ids = emittedIn(part, [...same.ids, ...found.ids]);
				same.rechecks = Math.max(same.rechecks, rechecks);
			} else next.push({ ...part, ids: emittedIn(part, found.ids), rechecks });
		}
	}
	next.sort((a, b) => b.to - a.to);
	for (const dropped of next.splice(MAX_HOLES)) givenUp.push({ from: dropped.from, to: dropped.to });
	return { holes: next, givenUp };
}
