/** Searchable pick lists, loaded from CodeSignal page by page as the user scrolls. */
import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { DEFAULT_PAGE_SIZE } from '../../shared/pagination';
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

export const searchRolesDocument: GraphqlOperation = {
	name: 'SearchRoles',
	action: 'search the roles',
	document: /* GraphQL */ `
		query SearchRoles {
			companyRoles { key title }
		}
	`,
};

export const searchUsersDocument: GraphqlOperation = {
	name: 'SearchUsers',
	action: 'search the company members',
	document: /* GraphQL */ `
		query SearchUsers {
			company { contacts { name email user { id } } }
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

/** A page of a `{ <items>: [{ id title }], pageInfo }` list (tests, frameworks, certified assessments). */
async function searchByTitle(
	context: ILoadOptionsFunctions,
	document: GraphqlOperation,
	[listField, itemsField]: [string, string],
	filter: string | undefined,
	paginationToken: string | undefined,
): Promise<INodeListSearchResult> {
	const client = await codeSignalClient(context);
	return await search(filter, paginationToken, async (variables) => {
		const data = await client.request<Record<string, Record<string, unknown> & { pageInfo: { hasNextPage: boolean } }>>(
			document,
			variables,
		);
		const list = data[listField];
		const items = list[itemsField] as Array<{ id: string; title: string }>;
		return {
			results: items.map((item) => ({ name: item.title, value: item.id })),
			hasNextPage: list.pageInfo.hasNextPage,
		};
	});
}

export async function searchTests(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchByTitle(this, searchTestsDocument, ['companyTests', 'tests'], filter, paginationToken);
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
	return await searchByTitle(this, searchFrameworksDocument, ['frameworks', 'frameworks'], filter, paginationToken);
}

/** Not searchable: n8n filters the loaded entries itself. */
export async function searchCertifiedAssessments(
	this: ILoadOptionsFunctions,
	_filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchByTitle(
		this,
		searchCertifiedAssessmentsDocument,
		['certificationTests', 'tests'],
		undefined,
		paginationToken,
	);
}

/** CodeSignal lists roles and members in one answer: the filter is applied here, no pagination. */
function matching(filter: string | undefined, results: Array<{ name: string; value: string }>): INodeListSearchResult {
	const search = filter?.trim().toLowerCase();
	return { results: search ? results.filter((result) => result.name.toLowerCase().includes(search)) : results };
}

export async function searchRoles(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const client = await codeSignalClient(this);
	const { companyRoles } = await client.request<{
		companyRoles: Array<{ key: string | null; title: string | null } | null> | null;
	}>(searchRolesDocument, {});
	return matching(
		filter,
		(companyRoles ?? []).flatMap((role) => (role?.key ? [{ name: role.title ?? role.key, value: role.key }] : [])),
	);
}

/** The company's members (its contacts with a CodeSignal user), by name and e-mail. */
export async function searchUsers(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const client = await codeSignalClient(this);
	const { company } = await client.request<{
		company: { contacts: Array<{ name: string; email: string; user: { id: string } | null } | null> } | null;
	}>(searchUsersDocument, {});
	return matching(
		filter,
		(company?.contacts ?? []).flatMap((contact) =>
			contact?.user ? [{ name: `${contact.name} (${contact.email})`, value: contact.user.id }] : [],
		),
	);
}
