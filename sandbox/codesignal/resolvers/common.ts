/** What every resolver shares: the request context, resolver shapes and offset paging. */
import { SandboxError } from '../errors';
import type { SandboxStore } from '../store';

export interface ResolverContext {
	store: SandboxStore;
	/** Root Query/Mutation fields the request's API key may use. */
	allowedFields: 'all' | ReadonlySet<string>;
	/** Page size when a list field is asked without `first`. */
	defaultPageSize: number;
	/** Called once per root field executed (stats). */
	onRootField: (name: string) => void;
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
