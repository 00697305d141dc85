/**
 * "All tests or the chosen ones": the parameters the Results Trigger and Get Finished Between share, and how
 * both list every test of the company.
 */
import type { ILoadOptionsFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { InvalidParameterError, requireId } from '../inputs';
import { collectAll, DEFAULT_PAGE_SIZE, type Page, type PageRequest } from '../pagination';
import { codeSignalClient, type GraphqlOperation } from './transport';

export const testSelectionProperties: INodeProperties[] = [
	{
		displayName: 'Tests',
		name: 'tests',
		type: 'options',
		options: [
			{
				name: 'All Tests',
				value: 'all',
				description: 'Every test of the company, including tests created later',
			},
			{
				name: 'Selected Tests',
				value: 'selected',
			},
		],
		default: 'all',
	},
	{
		displayName: 'Test Names or IDs',
		name: 'testIds',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getTests' },
		required: true,
		default: [],
		displayOptions: { show: { tests: ['selected'] } },
		description:
			'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	},
];

/** The chosen test IDs, or undefined for all tests. */
export function selectedTestIds(tests: unknown, testIds: unknown): string[] | undefined {
	if (tests !== 'selected') return undefined;
	const values = Array.isArray(testIds) ? testIds : String(testIds ?? '').split(',');
	const ids = values.map((value) => String(value).trim()).filter((value) => value !== '');
	if (ids.length === 0) {
		throw new InvalidParameterError('Test Names or IDs', 'Test Names or IDs is empty: choose at least one test, or All Tests');
	}
	return [...new Set(ids.map((id) => requireId(id, 'Test Names or IDs')))];
}

export interface TestRef {
	id: string;
	title: string;
}

/**
 * The company's tests, oldest first: a test created while the list is paged is appended at the end,
 * so it can only be missed by this listing, never skipped for good.
 */
export const listTestsOldestFirst: GraphqlOperation = {
	name: 'ListTestsOldestFirst',
	action: "list the company's tests",
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

export interface TestsAnswer {
	companyTests: { tests: TestRef[]; pageInfo: { hasNextPage: boolean } };
}

/** Every test of the company, each once (a page may repeat one when a test is deleted meanwhile). */
export async function allTests(
	listTests: (page: PageRequest) => Promise<Page<TestRef>>,
	pageSize: number,
): Promise<TestRef[]> {
	const tests = await collectAll(listTests, { returnAll: true, pageSize });
	return [...new Map(tests.map((test) => [test.id, test])).values()];
}

/** The company's tests by title, for "Test Names or IDs". */
export async function getTests(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const client = await codeSignalClient(this);
	const tests = await allTests(async ({ first, offset }) => {
		const { companyTests } = await client.request<TestsAnswer>(listTestsOldestFirst, { first, offset });
		return { items: companyTests.tests, hasNextPage: companyTests.pageInfo.hasNextPage };
	}, DEFAULT_PAGE_SIZE);
	return tests
		.map((test) => ({ name: test.title, value: test.id }))
		.sort((a, b) => a.name.localeCompare(b.name));
}
