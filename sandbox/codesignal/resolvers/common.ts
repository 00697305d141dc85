/** What every resolver shares: the request context, resolver shapes and offset paging. */
import { SandboxError } from '../errors';
import type { ListFaults } from '../faults';
import type { SandboxStore } from '../store';

export interface ResolverContext {
	store: SandboxStore;
	/** Root Query/Mutation fields the request's API key may use. */
	allowedFields: 'all' | ReadonlySet<string>;
	/** Page size when a list field is asked without `first`. */
	defaultPageSize: number;
	/** Called once per root field executed (stats). */
	onRootField: (name: string) => void;
	/** Injected faults of plain lists, if any. */
	listFaults?: ListFaults;
}

/**
 * `args: never` lets each resolver declare its own argument shape; the dispatcher passes graphql-js's
 * already validated and coerced arguments.
 */
export type Resolver<Source> = (source: Source, args: never, context: ResolverContext) => unknown;
export type TypeResolvers<Source> = Record<string, Resolver<Source>>;

export interface PageArgs {
	first?: number | null;
	offset?: number | null;
}

export function page<T>(items: readonly T[], args: PageArgs, defaultPageSize: number): T[] {
	const offset = args.offset ?? 0;
	const first = args.first ?? defaultPageSize;
	if (offset < 0) throw new SandboxError(`offset must not be negative, got ${offset}`);
	if (first < 0) throw new SandboxError(`first must not be negative, got ${first}`);
	return items.slice(offset, offset + first);
}

/**
 * A page of a plain list (`[CompanyTestSession]!`, `[LiveInterview]!`), where CodeSignal's lists may hold
 * nulls and `first` may be capped silently: the injected list faults do both.
 */
export function plainPage<T>(items: readonly T[], args: PageArgs, context: ResolverContext): Array<T | null> {
	const faults = context.listFaults;
	const first = args.first ?? context.defaultPageSize;
	const capped = faults?.silentPageCap !== undefined ? Math.min(first, faults.silentPageCap) : first;
	const entries: Array<T | null> = page(items, { ...args, first: capped }, context.defaultPageSize);
	if (!faults) return entries;
	return entries.map((entry) => {
		if (!faults.isNull()) return entry;
		faults.nulled(entry);
		return null;
	});
}

/** The `{ totalCount, <items>, pageInfo }` shape of CompanyTests, InterviewTemplates, TestLabels, Frameworks. */
export function pageWithCount<T, K extends string>(
	key: K,
	items: readonly T[],
	args: PageArgs,
	defaultPageSize: number,
): { totalCount: number; pageInfo: { hasNextPage: boolean } } & Record<K, T[]> {
	const slice = page(items, args, defaultPageSize);
	return {
		totalCount: items.length,
		pageInfo: { hasNextPage: (args.offset ?? 0) + slice.length < items.length },
		[key]: slice,
	} as { totalCount: number; pageInfo: { hasNextPage: boolean } } & Record<K, T[]>;
}

export function containsIgnoringCase(text: string, search: string | null | undefined): boolean {
	return !search || text.toLowerCase().includes(search.toLowerCase());
}
