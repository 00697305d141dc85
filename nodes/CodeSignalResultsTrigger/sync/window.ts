/**
 * The sessions that finished in an explicit window [from, to), read with the same scan as the trigger:
 * for Schedule Trigger workflows (consecutive windows tile without gaps or overlaps) and one-off backfills.
 */
import { REMOVED_STATUSES, type RawSession } from '../../shared/codesignal/sessions';
import { PageSizeWatch } from '../../shared/pagination';
import { PollBudget } from './budget';
import { runConcurrently } from './concurrency';
import type { Verdict } from './cursor';
import { DEFAULT_CONCURRENCY } from './engine';
import { reading } from './readError';
import { scanSessions } from './scan';
import { allTests, type SyncSource } from './source';

export interface FinishedWindow {
	/** Epoch ms, inclusive. */
	from: number;
	/** Epoch ms, exclusive. */
	to: number;
	/** Every test of the company when absent. */
	testIds?: string[];
	/** The newest `limit` sessions of the window; all when absent. */
	limit?: number;
	pageSize: number;
	concurrency?: number;
	/** Told of null entries in a test's list (counted for paging, never returned). */
	onNulls?: (count: number, testId: string) => void;
}

export function windowVerdict(window: Pick<FinishedWindow, 'from' | 'to'>, session: RawSession): Verdict {
	const finishDate = session.finishDate;
	if (typeof finishDate !== 'number' || finishDate < window.from) return 'end';
	if (finishDate >= window.to || REMOVED_STATUSES.has(session.status)) return 'skip';
	return 'collect';
}

type FetchPage = (offset: number, first: number) => Promise<Array<RawSession | null>>;

/** A null entry counts as older: the scan then starts higher in the list, which reads more and skips nothing. */
const finishedAtOrAfter = (session: RawSession | null | undefined, time: number) =>
	typeof session?.finishDate === 'number' && session.finishDate >= time;

/**
 * An offset at or above the first session that finished before `time`, found with single-session probes
 * (galloping, then halving) instead of paging through everything newer: a window a year back in a busy
 * test costs a few dozen requests, not thousands.
 */
export async function offsetBefore(fetchPage: FetchPage, time: number, pageSize: number): Promise<number> {
	const probe = async (offset: number) => finishedAtOrAfter((await fetchPage(offset, 1))[0], time);
	let newer = 0;
	let step = pageSize;
	let older: number | undefined;
	while (older === undefined) {
		if (await probe(newer + step)) {
			newer += step;
			step *= 2;
		} else {
			older = newer + step;
		}
	}
	while (older - newer > pageSize) {
		const middle = Math.floor((newer + older) / 2);
		if (await probe(middle)) newer = middle;
		else older = middle;
	}
	return newer;
}

const newestFinishedFirst = (a: RawSession, b: RawSession) =>
	(b.finishDate ?? 0) - (a.finishDate ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export async function finishedBetween(source: SyncSource, window: FinishedWindow): Promise<RawSession[]> {
	const testIds =
		window.testIds ?? (await reading('listing the tests', () => allTests(source, window.pageSize))).map((test) => test.id);
	const budgets: PollBudget[] = [];
	const found: RawSession[] = [];
	const watch = new PageSizeWatch();
	await runConcurrently(
		testIds.map((testId) => async () => {
			const budget = new PollBudget(window.limit ?? Infinity);
			budgets.push(budget);
			const fetchPage: FetchPage = (offset, first) => source.listSessions(testId, { offset, first });
			const scan = await reading(`reading the sessions of test ${testId}`, async () => {
				const top = await fetchPage(0, window.pageSize);
				const startOffset =
					top.length === window.pageSize && finishedAtOrAfter(top[top.length - 1], window.to)
						? await offsetBefore(fetchPage, window.to, window.pageSize)
						: 0;
				let firstPage: Array<RawSession | null> | undefined = top;
				return await scanSessions({
					// The first page is already here; any later read of offset 0 asks again.
					fetchPage: async (offset, first) => {
						const page = offset === 0 ? firstPage : undefined;
						firstPage = undefined;
						return page ?? (await fetchPage(offset, first));
					},
					classify: (session) => windowVerdict(window, session),
					pageSize: window.pageSize,
					budget,
					watch,
					startOffset,
					resumeAfter: window.to - 1,
				});
			});
			if (scan.nulls > 0) window.onNulls?.(scan.nulls, testId);
			found.push(...scan.collected);
		}),
		window.concurrency ?? DEFAULT_CONCURRENCY,
		() => budgets.forEach((budget) => budget.stop()),
	);
	const newestFirst = found.sort(newestFinishedFirst);
	return window.limit === undefined ? newestFirst : newestFirst.slice(0, window.limit);
}
