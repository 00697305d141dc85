/** The GraphQL documents of the sync besides the shared session lists (sessionDocuments.list). */
import type { GraphqlOperation } from '../transport';

/**
 * The company's tests, oldest first: a test created while the list is paged is appended at the end,
 * so it can only be missed by this poll, never skipped for good.
 */
export const listTestsOldestFirst: GraphqlOperation = {
	name: 'ListTestsOldestFirst',
	action: 'list the company\'s tests',
	document: /* GraphQL */ `
		query ListTestsOldestFirst($first: Int!, $offset: Int) {
			companyTests(first: $first, offset: $offset, sortBy: createDate, sortDirection: asc) {
				tests {
					id
					title
				}
				pageInfo {
					hasNextPage
				}
			}
		}
	`,
};
