/**
 * Reads one test's session list from an offset down, as far as a classifier wants and a budget allows.
 *
 * Offsets shift while reading: a session that finishes goes to the top and pushes the others down, so a
 * page may repeat sessions of the previous one (counted once); a downward read never misses one that way.
 * Two cases need more care:
 * - sessions that finished in the same millisecond may come in a different order in each response, so a
 *   group of them cut by a page boundary is read again in one response;
 * - resuming inside the list (a drain), the first entry read must be a session newer than what the scan still
 *   needs; otherwise sessions may have moved up past the offset (or a null hides what is there), and the scan
 *   steps back a page.
 * Null entries are counted, and where they were is reported (see holes.ts).
 */
import { ListReader, type PageSizeWatch } from '../../shared/pagination';
import type { ListedSession, ScanProgress, Verdict } from './cursor';
import { HoleFinder, type HoleScan } from './holes';

export interface ItemBudget {
	/** How many sessions the next page may collect, at most `wanted`; 0 ends the scan (cap reached, time up). */
	reserve(wanted: number): Promise<number>;
	/** Ends a reservation: `used` of the `granted` sessions were collected, the rest goes back. */
	settle(granted: number, used: number): void;
}

export interface ScanRequest<S extends ListedSession> {
	/** A page of the list as CodeSignal returns it: null entries count as entries. */
	fetchPage(offset: number, first: number): Promise<Array<S | null>>;
	/** What the poll learnt of CodeSignal's page size, shared by its scans (a silent cap on `first`). */
	watch?: PageSizeWatch;
	classify(session: S): Verdict;
	pageSize: number;
	budget: ItemBudget;
	startOffset?: number;
	/** Resuming inside the list: the first session read must have finished after this time. */
	resumeAfter?: number;
}

export interface ScanResult<S extends ListedSession> extends ScanProgress, HoleScan {
	collected: S[];
	/** Null entries met: they count for paging and cannot be emitted. */
	nulls: number;
}

/** The run of sessions with one finish time that the consumed part of the list ends with. */
interface TieGroup {
	finishDate: number | null;
	start: number;
}

const finishOf = (session: ListedSession) => (typeof session.finishDate === 'number' ? session.finishDate : null);

export async function scanSessions<S extends ListedSession>(request: ScanRequest<S>): Promise<ScanResult<S>> {
	const { pageSize, budget, resumeAfter } = request;
	const seen = new Set<string>();
	const collected: S[] = [];
	let nulls = 0;
	const reader = new ListReader<S>(
		async ({ offset: at, first }) => ({ items: await request.fetchPage(at, first) }),
		request.watch,
	);
	let offset = request.startOffset ?? 0;
	let anchored = resumeAfter === undefined || offset === 0;
	let tail: TieGroup | undefined;
	let rereadGroup: number | null | undefined;
	const holes = new HoleFinder(offset === 0);

	const cut = (): ScanResult<S> => ({
		collected,
		nulls,
		complete: false,
		nextOffset: tail ? Math.max(0, tail.start - 1) : offset,
		...holes.cut(),
	});

	for (;;) {
		const allowed = await budget.reserve(pageSize);
		if (allowed === 0) return cut();
		let read;
		try {
			read = await reader.read(offset, pageSize);
		} finally {
			// A read that failed used none of what it reserved.
			if (read === undefined) budget.settle(allowed, 0);
		}
		const page = read.entries;
		const firstSession = page.find((entry): entry is S => entry !== null);

		if (!anchored && resumeAfter !== undefined) {
			const top = page[0] ? finishOf(page[0]) : null;
			if (top === null || top <= resumeAfter) {
				budget.settle(allowed, 0);
				offset = Math.max(0, offset - pageSize);
				anchored = offset === 0;
				continue;
			}
			anchored = true;
		}
		if (tail && firstSession && finishOf(firstSession) === tail.finishDate && rereadGroup !== tail.finishDate) {
			budget.settle(allowed, 0);
			rereadGroup = tail.finishDate;
			offset = Math.max(0, tail.start - 1);
			tail = undefined;
			continue;
		}

		let used = 0;
		for (let index = 0; index < page.length; index++) {
			const session = page[index];
			if (session === null) {
				nulls++;
				holes.nullEntry();
				continue;
			}
			const verdict = request.classify(session);
			const finishDate = finishOf(session);
			if (verdict === 'end') {
				if (finishDate !== null) holes.session(session.id, finishDate);
				budget.settle(allowed, used);
				const reach = finishDate === null ? holes.finishedEnded() : holes.ended();
				return { collected, nulls, complete: true, nextOffset: offset + index, ...reach };
			}
			if (verdict === 'collect' && !seen.has(session.id) && used === allowed) {
				budget.settle(allowed, used);
				return cut();
			}
			if (finishDate !== null) holes.session(session.id, finishDate);
			if (tail?.finishDate !== finishDate) tail = { finishDate, start: offset + index };
			if (seen.has(session.id)) continue;
			seen.add(session.id);
			if (verdict === 'collect') {
				collected.push(session);
				used++;
			}
		}
		budget.settle(allowed, used);
		if (read.ended) return { collected, nulls, complete: true, nextOffset: offset + page.length, ...holes.finishedEnded() };
		offset += page.length;
	}
}
