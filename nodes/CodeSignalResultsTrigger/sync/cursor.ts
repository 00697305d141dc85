/**
 * Where the sync of one test stands. CodeSignal lists a test's sessions newest finished first and cannot
 * filter by date, so the cursor says which finished sessions were already emitted:
 * - `through`: every session that finished before `through.at`, and at exactly `through.at` those in `ids`
 *   (sessions finishing in the same millisecond may be listed in any order);
 * - `drain`: a backlog larger than one poll's cap is emitted newest first, one chunk per poll; everything
 *   from `oldest` up to `newest` has been emitted, and the next chunk is read from `offset` down.
 * When the drain reaches `through`, everything up to `drain.newest` is done and `through` moves there.
 *
 * A session can become visible late, with a finish date older than `through` (CodeSignal catching up, a
 * clock skew, a proctored result listed once reviewed). So a scan reads back to `lookBackFrom` below
 * `through`, and collects a session it finds there only when it is not among the `recent` ones it emitted.
 * `recent` keeps only what finished since `lookBackFrom`, and at most MAX_RECENT sessions per test.
 * `holes` are where null entries hid sessions (see holes.ts): a scan reads down to the oldest of them.
 */
import { isHiddenBefore, updateHoles, type Hole, type HoleScan, type UnreadParts } from './holes';

/** Sessions that finished at `at` (epoch ms) and were emitted, by id. */
export interface FinishMark {
	at: number;
	ids: string[];
}

export interface Drain {
	newest: FinishMark;
	oldest: FinishMark;
	/** Where the next chunk starts: just above the oldest emitted session, as the list stood then. */
	offset: number;
}

export interface TestCursor {
	through: FinishMark;
	drain?: Drain;
	/** Epoch ms, at most `through.at` in effect: how far back below `through` a scan reads for late sessions. */
	lookBackFrom?: number;
	/** Sessions emitted that finished at or after `lookBackFrom`: id → finish date. */
	recent?: Record<string, number>;
	/** The test's sessions are proctored (a Pre-Screen): it looks back further. */
	proctored?: boolean;
	holes?: Hole[];
}

/** Emitted sessions a test's cursor remembers at most; beyond, its look-back shrinks to the newest of them. */
export const MAX_RECENT = 5_000;

/** What a cursor needs to know of a listed session. */
export interface ListedSession {
	id: string;
	finishDate?: number | null;
	verificationStatus?: string | null;
}

/**
 * What a scan does with a listed session: `collect` it, `skip` it (emitted, or newer than a drain and
 * left for later), or `end` the scan (unfinished, or finished before anything the cursor still needs).
 */
export type Verdict = 'collect' | 'skip' | 'end';

export const startCursor = (since: number): TestCursor => ({ through: { at: since, ids: [] }, lookBackFrom: since });

const marks = (mark: FinishMark, finishDate: number, id: string) => mark.at === finishDate && mark.ids.includes(id);

function isDrained(drain: Drain, finishDate: number, id: string): boolean {
	if (finishDate > drain.oldest.at && finishDate < drain.newest.at) return true;
	return marks(drain.oldest, finishDate, id) || marks(drain.newest, finishDate, id);
}

/** A session finishing after the drain's newest one: emitted once the drain is over, not before. */
const isAfterDrain = (drain: Drain, finishDate: number, id: string) =>
	finishDate > drain.newest.at || (finishDate === drain.newest.at && !drain.newest.ids.includes(id));

/** How far down a scan reads: the look-back, or the oldest hole below it. */
const floorOf = (cursor: TestCursor) =>
	Math.min(cursor.lookBackFrom ?? cursor.through.at, ...(cursor.holes ?? []).map((hole) => hole.from));

export function classify(cursor: TestCursor, session: ListedSession): Verdict {
	const { finishDate } = session;
	if (typeof finishDate === 'number' && cursor.recent?.[session.id] === undefined) {
		if (isHiddenBefore(cursor.holes, session.id, finishDate)) return 'collect';
	}
	return classifyByMarks(cursor, session);
}

/** The verdict of the marks and the look-back alone. */
function classifyByMarks(cursor: TestCursor, session: ListedSession): Verdict {
	const finishDate = session.finishDate;
	if (typeof finishDate !== 'number') return 'end';
	if (cursor.recent?.[session.id] !== undefined) return 'skip';
	if (finishDate < cursor.through.at) {
		if (finishDate < (cursor.lookBackFrom ?? cursor.through.at)) return finishDate < floorOf(cursor) ? 'end' : 'skip';
		return 'collect';
	}
	if (marks(cursor.through, finishDate, session.id)) return 'skip';
	const { drain } = cursor;
	if (drain && (isDrained(drain, finishDate, session.id) || isAfterDrain(drain, finishDate, session.id))) return 'skip';
	return 'collect';
}

function merge(a: FinishMark, b: FinishMark): FinishMark {
	return { at: a.at, ids: [...new Set([...a.ids, ...b.ids])] };
}

/** The later of two marks; the union of their ids when they are at the same time. */
export function laterMark(a: FinishMark, b: FinishMark | undefined): FinishMark {
	if (!b || a.at > b.at) return a;
	return b.at > a.at ? b : merge(a, b);
}

export function earlierMark(a: FinishMark, b: FinishMark | undefined): FinishMark {
	if (!b || a.at < b.at) return a;
	return b.at < a.at ? b : merge(a, b);
}

function markAt(sessions: ListedSession[], at: number): FinishMark {
	return { at, ids: sessions.filter((session) => session.finishDate === at).map((session) => session.id) };
}

/** The newest and oldest marks of collected (finished) sessions; undefined when there are none. */
export function boundsOf(sessions: ListedSession[]): { newest: FinishMark; oldest: FinishMark } | undefined {
	let newest = -Infinity;
	let oldest = Infinity;
	for (const { finishDate } of sessions) {
		if (typeof finishDate !== 'number') continue;
		newest = Math.max(newest, finishDate);
		oldest = Math.min(oldest, finishDate);
	}
	if (newest === -Infinity) return undefined;
	return { newest: markAt(sessions, newest), oldest: markAt(sessions, oldest) };
}

/** A drain whose two ends share one set of ids when they are at the same time. */
function drainOf(newest: FinishMark, oldest: FinishMark, offset: number): Drain {
	if (newest.at !== oldest.at) return { newest, oldest, offset };
	const both = merge(newest, oldest);
	return { newest: both, oldest: both, offset };
}

/** What one scan of the test found. */
export interface ScanProgress {
	collected: ListedSession[];
	/** The scan reached the end of what the cursor needs; otherwise it was cut (cap, time) at `nextOffset`. */
	complete: boolean;
	nextOffset: number;
}

/** Where the scan's marks move once the collected sessions are handed over. */
function advanceMarks(cursor: TestCursor, scan: ScanProgress): Pick<TestCursor, 'through' | 'drain'> {
	const bounds = boundsOf(scan.collected);
	const { drain } = cursor;
	if (scan.complete) {
		const newest = laterMark(drain?.newest ?? cursor.through, bounds?.newest);
		return { through: laterMark(cursor.through, newest) };
	}
	if (drain) {
		return { through: cursor.through, drain: drainOf(drain.newest, earlierMark(drain.oldest, bounds?.oldest), scan.nextOffset) };
	}
	if (!bounds) return { through: cursor.through };
	return { through: cursor.through, drain: drainOf(bounds.newest, bounds.oldest, scan.nextOffset) };
}

/**
 * The sessions emitted since `lookBackFrom`, which moves up to `lookBackMs` below where `through` is (or will
 * be once a drain is over), never below what the cursor has recorded; at most MAX_RECENT, the newest.
 */
function rememberRecent(cursor: TestCursor, marks: Pick<TestCursor, 'through' | 'drain'>, scan: ScanProgress, lookBackMs: number) {
	const recent: Record<string, number> = { ...cursor.recent };
	for (const { id, finishDate } of scan.collected) if (typeof finishDate === 'number') recent[id] = finishDate;
	const reference = marks.drain?.newest.at ?? marks.through.at;
	let lookBackFrom = Math.max(cursor.lookBackFrom ?? cursor.through.at, reference - lookBackMs);
	const kept = Object.entries(recent).filter(([, finishDate]) => finishDate >= lookBackFrom);
	if (kept.length > MAX_RECENT) {
		// Past the newest MAX_RECENT, ids are forgotten, and so is their time: the look-back stops above it.
		lookBackFrom = kept.sort(([, a], [, b]) => b - a)[MAX_RECENT][1] + 1;
	}
	return { lookBackFrom, recent: Object.fromEntries(kept.filter(([, finishDate]) => finishDate >= lookBackFrom)) };
}

/** The marks with the ids of every session collected at their times, those found in holes too. */
function withEveryIdAt(marks: Pick<TestCursor, 'through' | 'drain'>, collected: ListedSession[]): Pick<TestCursor, 'through' | 'drain'> {
	const withIds = (mark: FinishMark) => merge(mark, markAt(collected, mark.at));
	const { through, drain } = marks;
	return {
		through: withIds(through),
		...(drain ? { drain: drainOf(withIds(drain.newest), withIds(drain.oldest), drain.offset) } : {}),
	};
}

/**
 * Where the list was never read in full before this scan, and what was emitted there: above what the cursor
 * has (down to where a drain stands) and the look-back, whose emitted ids `recent` holds.
 */
function unreadParts(cursor: TestCursor): UnreadParts {
	const to = cursor.drain ? cursor.drain.oldest.at : Number.MAX_SAFE_INTEGER;
	const emitted = [
		...Object.entries(cursor.recent ?? {}).map(([id, finishDate]) => ({ id, finishDate })),
		...cursor.through.ids.map((id) => ({ id, finishDate: cursor.through.at })),
		...(cursor.drain?.oldest.ids ?? []).map((id) => ({ id, finishDate: cursor.drain!.oldest.at })),
	];
	const from = Math.min(cursor.lookBackFrom ?? cursor.through.at, cursor.through.at);
	return { ranges: [{ from, to }], emitted };
}

export interface Advanced {
	cursor: TestCursor;
	/** Holes given up: a null kept hiding that range for MAX_HOLE_RECHECKS scans, or too many holes. */
	givenUp: Array<Pick<Hole, 'from' | 'to'>>;
}

/** The cursor once the collected sessions are handed over. */
export function advance(cursor: TestCursor, scan: ScanProgress & Partial<HoleScan>, lookBackMs = 0): Advanced {
	// Sessions collected only because they lay in a hole are below the marks: they must not move them.
	const byMarks = scan.collected.filter((session) => classifyByMarks(cursor, session) === 'collect');
	const marks = withEveryIdAt(advanceMarks(cursor, { ...scan, collected: byMarks }), scan.collected);
	const proctored = cursor.proctored === true || scan.collected.some((session) => typeof session.verificationStatus === 'string');
	const { holes, givenUp } =
		scan.holes && scan.reach
			? updateHoles(
					cursor.holes,
					{ holes: scan.holes, reach: scan.reach },
					unreadParts(cursor),
					scan.collected.flatMap(({ id, finishDate }) => (typeof finishDate === 'number' ? [{ id, finishDate }] : [])),
				)
			: { holes: cursor.holes ?? [], givenUp: [] };
	return {
		cursor: {
			...marks,
			...rememberRecent(cursor, marks, scan, lookBackMs),
			...(proctored ? { proctored } : {}),
			...(holes.length > 0 ? { holes } : {}),
		},
		givenUp,
	};
}
