/**
 * Offset pagination as CodeSignal does it (`first` + `offset`, no cursors), planned without n8n types.
 * Plain lists (companyTestSessions, liveInterviews) end on a short page; wrapped ones
 * (companyTests, testLabels, interviewTemplates) say so with `pageInfo.hasNextPage`.
 */

/** Public client code reports that CodeSignal caps `first` at 20 for session lists. */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_QUERY_COST = 10_000;

export interface PageRequest {
	first: number;
	offset: number;
}

export interface Page<T> {
	items: T[];
	/** Present for wrapped lists; plain lists end on a short page instead. */
	hasNextPage?: boolean;
}

export interface PaginationOptions {
	/** false: stop once `limit` items were collected. */
	returnAll: boolean;
	limit?: number;
	pageSize?: number;
	/** What one item costs in CodeSignal's query cost (companyTestSessions: 2 × first plus its sub-selection). */
	costPerItem?: number;
	maxCost?: number;
	/** Where to start (a resumed backfill starts past what it has seen). */
	startOffset?: number;
}

/** The largest page that the requested size, the cost limit and the remaining limit allow. */
export function planPageSize(options: PaginationOptions, collected = 0): number {
	const requested = options.pageSize ?? DEFAULT_PAGE_SIZE;
	if (!Number.isInteger(requested) || requested < 1) {
		throw new RangeError(`Page size must be a whole number of at least 1, got ${requested}`);
	}
	const costPerItem = Math.max(1, options.costPerItem ?? 1);
	const byCost = Math.max(1, Math.floor((options.maxCost ?? MAX_QUERY_COST) / costPerItem));
	let size = Math.min(requested, byCost);
	if (!options.returnAll) {
		const limit = options.limit ?? 50;
		if (!Number.isInteger(limit) || limit < 1) {
			throw new RangeError(`Limit must be a whole number of at least 1, got ${limit}`);
		}
		size = Math.min(size, limit - collected);
	}
	return size;
}

/**
 * Yields page after page until the list ends or the limit is reached. The caller may stop early
 * (e.g. sessions ordered newest finished first, once past "finished after") by breaking the loop.
 */
export async function* paginate<T>(
	fetchPage: (page: PageRequest) => Promise<Page<T>>,
	options: PaginationOptions,
): AsyncGenerator<T[]> {
	let offset = options.startOffset ?? 0;
	let collected = 0;
	for (;;) {
		const first = planPageSize(options, collected);
		if (first <= 0) return;
		const page = await fetchPage({ first, offset });
		const items = options.returnAll ? page.items : page.items.slice(0, first);
		collected += items.length;
		offset += page.items.length;
		if (items.length > 0) yield items;
		const listEnded =
			page.hasNextPage !== undefined ? !page.hasNextPage || page.items.length === 0 : page.items.length < first;
		if (listEnded) return;
		if (!options.returnAll && collected >= (options.limit ?? 50)) return;
	}
}

/** Every item of every page, in order. */
export async function collectAll<T>(
	fetchPage: (page: PageRequest) => Promise<Page<T>>,
	options: PaginationOptions,
): Promise<T[]> {
	const all: T[] = [];
	for await (const items of paginate(fetchPage, options)) all.push(...items);
	return all;
}
