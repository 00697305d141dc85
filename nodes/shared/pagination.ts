/**
 * Offset pagination (`first` + `offset`, no cursors), for every list the package reads: CodeSignal's plain
 * lists (companyTestSessions, liveInterviews) and wrapped ones (companyTests, testLabels, interviewTemplates,
 * which say `pageInfo.hasNextPage`), and Endorsed's rankings. Planned without n8n types.
 *
 * A plain list only says it ended by returning a short page, so two things must never pass for an end:
 * - a null entry (CodeSignal types the lists `[CompanyTestSession]!`): it counts as an entry, and is reported;
 * - a silent cap on `first` (CodeSignal's page size is officially unstated; public client code reports 20):
 *   a short page of 20 entries or more, when more were asked, is checked with one more read, and a cap found
 *   that way sets the page size for the rest of the run. Shorter pages are ends.
 */

/** Public client code reports that CodeSignal caps `first` at 20 for session lists. */
export const DEFAULT_PAGE_SIZE = 20;
/** CodeSignal's maximum query cost. */
export const MAX_QUERY_COST = 10_000;

export interface PageRequest {
	first: number;
	offset: number;
}

export interface Page<T> {
	/** As the list returned them: a plain list may hold nulls, which count as entries. */
	items: Array<T | null>;
	/** Present for wrapped lists; plain lists end on a short page instead. */
	hasNextPage?: boolean;
}

/**
 * What one run knows about the server's page size, shared by every list it reads: no server returns more than
 * its cap, so a short page shorter than one already seen (or than the 20 CodeSignal is known to serve) is an
 * end; and the cap, once found.
 */
export class PageSizeWatch {
	private largestPage: number;

	/** The cap on `first` the server was found to apply silently, if any. */
	clampedTo?: number;

	constructor(
		private readonly onClamp?: (cap: number, asked: number) => void,
		/** A cap found earlier (by an earlier poll of the same trigger). */
		clampedTo?: number,
	) {
		// Public client code reports 20: no shorter page is taken for a cap.
		this.largestPage = clampedTo ?? DEFAULT_PAGE_SIZE;
		this.clampedTo = clampedTo;
	}

	/** `first` as asked for, lowered to the cap once one was found. */
	pageSize(requested: number): number {
		return Math.min(requested, this.clampedTo ?? requested);
	}

	saw(length: number): void {
		this.largestPage = Math.max(this.largestPage, length);
	}

	/** Whether a page of `length` entries, fewer than asked, can only mean that the list ended. */
	provesEnd(length: number): boolean {
		return length === 0 || length < this.largestPage;
	}

	clamp(cap: number, asked: number): void {
		this.clampedTo = cap;
		this.onClamp?.(cap, asked);
	}
}

/** A page of a list, and whether the list ended with it. */
export interface PlainPage<T> {
	entries: Array<T | null>;
	/** Null entries in `entries`. */
	nulls: number;
	ended: boolean;
}

/**
 * Reads one list page by page and says where it ends: where a wrapped list says so, or where a plain list
 * returns a page that can only be its end (telling the end from a silent cap on `first`).
 */
export class ListReader<T> {
	/** A page read ahead while checking a short page: the next read at that offset takes it. */
	private readAhead?: { offset: number; page: Page<T> };

	constructor(
		private readonly fetch: (page: PageRequest) => Promise<Page<T>>,
		private readonly watch: PageSizeWatch = new PageSizeWatch(),
	) {}

	async read(offset: number, requested: number): Promise<PlainPage<T>> {
		const first = this.watch.pageSize(requested);
		const { items: entries, hasNextPage } = await this.fetchAt(offset, first);
		const page = (ended: boolean): PlainPage<T> => ({ entries, nulls: countNulls(entries), ended });
		if (hasNextPage !== undefined) return page(!hasNextPage || entries.length === 0);
		this.watch.saw(entries.length);
		if (entries.length >= first || this.watch.clampedTo === entries.length) return page(false);
		if (this.watch.provesEnd(entries.length)) return page(true);
		// As long as any page seen: the end, or a cap. The next page says which.
		const next = await this.fetch({ offset: offset + entries.length, first });
		if (next.items.length === 0) return page(true);
		this.watch.clamp(entries.length, first);
		this.readAhead = { offset: offset + entries.length, page: next };
		return page(false);
	}

	private async fetchAt(offset: number, first: number): Promise<Page<T>> {
		const ahead = this.readAhead;
		this.readAhead = undefined;
		if (ahead?.offset === offset) return { ...ahead.page, items: ahead.page.items.slice(0, first) };
		return await this.fetch({ offset, first });
	}
}

const countNulls = (entries: unknown[]) => entries.reduce<number>((count, entry) => count + (entry === null ? 1 : 0), 0);

export interface PaginationOptions<T = unknown> {
	/** false: stop once `limit` items were collected. */
	returnAll: boolean;
	limit?: number;
	pageSize?: number;
	/** What one item costs in CodeSignal's query cost (companyTestSessions: 2 × first plus its sub-selection). */
	costPerItem?: number;
	maxCost?: number;
	/** Where to start (a resumed backfill starts past what it has seen). */
	startOffset?: number;
	/**
	 * An item's identity: an item inserted at the top while paging pushes the others down, so a page may repeat
	 * the last items of the one before; each is yielded once.
	 */
	idOf?: (item: T) => string;
	/** Told how many null entries each page held (they are counted as entries, never emitted). */
	onNulls?: (count: number, offset: number) => void;
	/** Shared with other lists read in the same run. */
	watch?: PageSizeWatch;
}

/** The largest page that the requested size, the cost limit and the remaining limit allow. */
export function planPageSize(options: PaginationOptions<never>, collected = 0): number {
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
 * Yields page after page of present items until the list ends or the limit is reached. The caller may stop
 * early (e.g. sessions ordered newest finished first, once past "finished after") by breaking the loop.
 */
export async function* paginate<T>(
	fetchPage: (page: PageRequest) => Promise<Page<T>>,
	options: PaginationOptions<T>,
): AsyncGenerator<T[]> {
	let offset = options.startOffset ?? 0;
	let collected = 0;
	const seen = new Set<string>();
	const reader = new ListReader<T>(fetchPage, options.watch);
	for (;;) {
		const first = planPageSize(options as PaginationOptions<never>, collected);
		if (first <= 0) return;
		const { entries, nulls, ended } = await reader.read(offset, first);
		if (nulls > 0) options.onNulls?.(nulls, offset);
		offset += entries.length;
		const fresh = entries.filter((item): item is T => {
			if (item === null) return false;
			const id = options.idOf?.(item);
			if (id === undefined) return true;
			if (seen.has(id)) return false;
			seen.add(id);
			return true;
		});
		const items = options.returnAll ? fresh : fresh.slice(0, first);
		collected += items.length;
		if (items.length > 0) yield items;
		if (ended) return;
		if (!options.returnAll && collected >= (options.limit ?? 50)) return;
	}
}

/** Every item of every page, in order. */
export async function collectAll<T>(
	fetchPage: (page: PageRequest) => Promise<Page<T>>,
	options: PaginationOptions<T>,
): Promise<T[]> {
	const all: T[] = [];
	for await (const items of paginate(fetchPage, options)) all.push(...items);
	return all;
}
