/** Searchable pick lists, loaded from CodeSignal page by page as the user scrolls. */
import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { DEFAULT_PAGE_SIZE } from '../../shared/codesignal/pagination';
import { codeSignalClient, type GraphqlOperation } from '../../shared/codesignal/transport';

export const searchTestsDocument: GraphqlOperation = {
	name: 'SearchTests',
	action: 'search the tests',
	document: /* GraphQL */ `
		query SearchTests($search: String, $first: Int!, $offset: Int) {
			companyTests(titleSearchText: $search, first: $first, offset: $offset, sortBy: title, sortDirection: asc) {
				tests { id title }
				pageInfo { hasNextPage }
			}
		}
	`,
};

export const searchInterviewTemplatesDocument: GraphqlOperation = {
	name: 'SearchInterviewTemplates',
	action: 'search the interview templates',
	document: /* GraphQL */ `
		query SearchInterviewTemplates($search: String, $first: Int!, $offset: Int!) {
			interviewTemplates(globalFilter: $search, first: $first, offset: $offset) {
				interviewTemplates { id name }
				pageInfo { hasNextPage }
			}
		}
	`,
};

export const searchFrameworksDocument: GraphqlOperation = {
	name: 'SearchFrameworks',
	action: 'search the certified assessment frameworks',
	document: /* GraphQL */ `
		query SearchFrameworks($search: String, $first: Int!, $offset: Int) {
			frameworks(globalFilter: $search, first: $first, offset: $offset) {
				frameworks { id title }
				pageInfo { hasNextPage }
			}
		}
	`,
};

/** CodeSignal cannot search certified assessments: the pick list loads them all, page by page. */
export const searchCertifiedAssessmentsDocument: GraphqlOperation = {
	name: 'SearchCertifiedAssessments',
	action: 'list the certified assessments',
	document: /* GraphQL */ `
		query SearchCertifiedAssessments($first: Int!, $offset: Int) {
			certificationTests(first: $first, offset: $offset) {
				tests { id title }
				pageInfo { hasNextPage }
			}
		}
	`,
};

interface SearchPage {
	results: Array<{ name: string; value: string }>;
	hasNextPage: boolean;
}

/** The pagination token is the offset of the next page. */
async function search(
	filter: string | undefined,
	paginationToken: string | undefined,
	fetchPage: (variables: { search?: string; first: number; offset: number }) => Promise<SearchPage>,
): Promise<INodeListSearchResult> {
	const offset = Number(paginationToken ?? 0) || 0;
	const page = await fetchPage({ search: filter?.trim() || undefined, first: DEFAULT_PAGE_SIZE, offset });
	return {
		results: page.results,
		paginationToken: page.hasNextPage ? String(offset + page.results.length) : undefined,
	};
}

export async function searchTests(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const client = await codeSignalClient(this);
	return await search(filter, paginationToken, async (variables) => {
		const { companyTests } = await client.request<{
			companyTests: { tests: Array<{ id: string; title: string }>; pageInfo: { hasNextPage: boolean } };
		}>(searchTestsDocument, variables);
		return {
			results: companyTests.tests.map((test) => ({ name: test.title, value: test.id })),
			hasNextPage: companyTests.pageInfo.hasNextPage,
		};
	});
}

export async function searchInterviewTemplates(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const client = await codeSignalClient(this);
	return await search(filter, paginationToken, async (variables) => {
		const { interviewTemplates } = await client.request<{
			interviewTemplates: {
				interviewTemplates: Array<{ id: string; name: string | null } | null>;
				pageInfo: { hasNextPage: boolean };
			};
		}>(searchInterviewTemplatesDocument, variables);
		return {
			results: interviewTemplates.interviewTemplates.flatMap((template) =>
				template ? [{ name: template.name ?? template.id, value: template.id }] : [],
			),
			hasNextPage: interviewTemplates.pageInfo.hasNextPage,
		};
	});
}

export async function searchFrameworks(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const client = await codeSignalClient(this);
	return await search(filter, paginationToken, async (variables) => {
		const { frameworks } = await client.request<{
			frameworks: { frameworks: Array<{ id: string; title: string }>; pageInfo: { hasNextPage: boolean } };
		}>(searchFrameworksDocument, variables);
		return {
			results: frameworks.frameworks.map((framework) => ({ name: framework.title, value: framework.id })),
			hasNextPage: frameworks.pageInfo.hasNextPage,
		};
	});
}

export async function searchCertifiedAssessments(
	this: ILoadOptionsFunctions,
	_filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const client = await codeSignalClient(this);
	return await search(undefined, paginationToken, async ({ first, offset }) => {
		const { certificationTests } = await client.request<{
			certificationTests: { tests: Array<{ id: string; title: string }>; pageInfo: { hasNextPage: boolean } };
		}>(searchCertifiedAssessmentsDocument, { first, offset });
		return {
			results: certificationTests.tests.map((test) => ({ name: test.title, value: test.id })),
			hasNextPage: certificationTests.pageInfo.hasNextPage,
		};
	});
}
