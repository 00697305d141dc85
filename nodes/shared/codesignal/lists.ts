/**
 * Reading a whole CodeSignal list through the one paging routine (../pagination): where the list sits in the
 * query's answer, and what to tell the user about entries CodeSignal returned empty.
 */
import { collectAll, type Page, type PaginationOptions } from '../pagination';
import type { CodeSignalClient, GraphqlOperation } from './transport';

/**
 * Where a list is in a query's answer: `field` itself (a plain list such as liveInterviews), or `field.items`
 * beside `field.pageInfo` (a wrapped list such as companyTests { tests pageInfo }).
 */
export interface ListShape {
	field: string;
	items?: string;
}

type Answer = Record<string, unknown>;

export function pageOf<T>(data: Answer, shape: ListShape): Page<T> {
	const value = data[shape.field] as Answer | Array<T | null> | null | undefined;
	if (shape.items === undefined) return { items: (value as Array<T | null> | null) ?? [] };
	const wrapped = (value ?? {}) as Answer;
	const pageInfo = wrapped.pageInfo as { hasNextPage?: boolean } | undefined;
	return { items: (wrapped[shape.items] as Array<T | null> | null) ?? [], hasNextPage: pageInfo?.hasNextPage === true };
}

/** Logs null entries: they count for paging and cannot be emitted, and nothing is dropped without a word. */
export function reportNullEntries(logger: { warn(message: string): void }, what: string) {
	return (count: number, offset?: number) =>
		logger.warn(
			`CodeSignal returned ${count} empty (null) entries in the list of ${what}${offset === undefined ? '' : ` at offset ${offset}`}; they are skipped`,
		);
}

export interface ListRequest<T> extends PaginationOptions<T> {
	itemIndex?: number;
}

/** Every item of the list (or up to the limit), `variables` sent with each page's `first` and `offset`. */
export async function collectList<T>(
	client: CodeSignalClient,
	operation: GraphqlOperation,
	variables: Record<string, unknown>,
	shape: ListShape,
	request: ListRequest<T>,
): Promise<T[]> {
	return await collectAll<T>(async ({ first, offset }) => {
		const data = await client.request<Answer>(operation, { ...variables, first, offset }, { itemIndex: request.itemIndex });
		return pageOf<T>(data, shape);
	}, request);
}
