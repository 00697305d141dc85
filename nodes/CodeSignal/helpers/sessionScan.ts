/**
 * Reading a test's sessions page by page with filters that CodeSignal's API does not have (status,
 * finish date). `companyTestSessions` lists finished sessions newest finished first, so a scan with
 * "finished after" stops at the first session finished earlier instead of reading the whole test.
 */
import { pageOf } from '../../shared/codesignal/lists';
import { paginate } from '../../shared/pagination';
import { costPerListItem } from '../../shared/codesignal/schema';
import type { RawSession } from '../../shared/codesignal/sessions';
import type { CodeSignalClient, GraphqlOperation } from '../../shared/codesignal/transport';

export interface SessionFilters {
	/** Keep only these statuses (none: all). */
	statuses?: string[];
	/** Epoch ms, inclusive. */
	finishedAfter?: number;
	/** Epoch ms, exclusive. */
	finishedBefore?: number;
}

export type SessionVerdict = 'keep' | 'skip' | 'stop';

/**
 * What to do with the next session of the listing. Only a finished session older than "finished after"
 * stops the scan: where CodeSignal lists unfinished sessions (before or after the finished ones) does not matter.
 */
export function sessionVerdict(session: Pick<RawSession, 'status' | 'finishDate'>, filters: SessionFilters): SessionVerdict {
	const finishDate = typeof session.finishDate === 'number' ? session.finishDate : undefined;
	const { finishedAfter, finishedBefore } = filters;
	if (finishedAfter !== undefined && finishDate !== undefined && finishDate < finishedAfter) return 'stop';
	if ((finishedAfter !== undefined || finishedBefore !== undefined) && finishDate === undefined) return 'skip';
	if (finishedBefore !== undefined && finishDate !== undefined && finishDate >= finishedBefore) return 'skip';
	if (filters.statuses?.length && !filters.statuses.includes(session.status)) return 'skip';
	return 'keep';
}

export const hasSessionFilters = (filters: SessionFilters) =>
	Boolean(filters.statuses?.length) || filters.finishedAfter !== undefined || filters.finishedBefore !== undefined;

export interface SessionScan {
	testId: string;
	filters: SessionFilters;
	returnAll: boolean;
	/** Sessions to return when not `returnAll` (matching ones, after the filters). */
	limit?: number;
	pageSize?: number;
	itemIndex?: number;
	/** Told of null entries in the list (counted for paging, never emitted). */
	onNulls?: (count: number, offset: number) => void;
}

/**
 * Pages of matching sessions. `document` lists `companyTestSessions` with `$testId`, `$first` and `$offset`:
 * one request per page, whatever it selects.
 */
export async function* scanTestSessions<T extends Pick<RawSession, 'id' | 'status' | 'finishDate'>>(
	client: CodeSignalClient,
	document: GraphqlOperation,
	scan: SessionScan,
): AsyncGenerator<T[]> {
	const filtered = hasSessionFilters(scan.filters);
	const limit = scan.returnAll ? Infinity : (scan.limit ?? 50);
	let kept = 0;
	const pages = paginate<T>(
		async ({ first, offset }) => {
			const data = await client.request<{ companyTestSessions: Array<T | null> }>(
				document,
				{ testId: scan.testId, first, offset },
				{ itemIndex: scan.itemIndex },
			);
			return pageOf<T>(data, { field: 'companyTestSessions' });
		},
		{
			// With filters the limit counts matches, which the pager cannot see: it pages on until told to stop.
			returnAll: scan.returnAll || filtered,
			limit: scan.limit,
			pageSize: scan.pageSize,
			costPerItem: costPerListItem(document.document, 'companyTestSessions'),
			idOf: (session) => session.id,
			onNulls: scan.onNulls,
		},
	);
	for await (const page of pages) {
		const matching: T[] = [];
		let stop = false;
		for (const session of page) {
			const verdict = sessionVerdict(session, scan.filters);
			if (verdict === 'stop' || kept >= limit) {
				stop = true;
				break;
			}
			if (verdict === 'keep') {
				matching.push(session);
				kept++;
			}
		}
		if (matching.length > 0) yield matching;
		if (stop || kept >= limit) return;
	}
}
