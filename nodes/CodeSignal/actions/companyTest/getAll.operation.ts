import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { collectList, reportNullEntries } from '../../../shared/codesignal/lists';
import type { GraphqlOperation } from '../../../shared/codesignal/transport';
import { filtersCollection, optionsCollection, returnAllAndLimit } from '../../../shared/descriptions';
import { normalizeTest, TEST_FIELDS, type RawTest } from '../../helpers/tests';
import { getCollection, getPaging } from '../readParameters';
import { runPerItem } from '../runPerItem';

export const document: GraphqlOperation = {
	name: 'ListTests',
	action: 'list the tests',
	document: /* GraphQL */ `
		query ListTests(
			$first: Int!
			$offset: Int
			$titleSearchText: String
			$labels: [String!]
			$sortBy: CompanyTestSortBy
			$sortDirection: SortDirection
		) {
			companyTests(
				first: $first
				offset: $offset
				titleSearchText: $titleSearchText
				labels: $labels
				sortBy: $sortBy
				sortDirection: $sortDirection
			) {
				tests { ${TEST_FIELDS} }
				pageInfo { hasNextPage }
			}
		}
	`,
};

export const description: INodeProperties[] = updateDisplayOptions({ show: { resource: ['test'], operation: ['getAll'] } }, [
	...returnAllAndLimit,
	filtersCollection([
		{
			displayName: 'Label Names or IDs',
			name: 'labels',
			type: 'multiOptions',
			typeOptions: { loadOptionsMethod: 'getTestLabels' },
			default: [],
			description:
				'Only tests with one of these labels. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		{
			displayName: 'Title Contains',
			name: 'titleSearchText',
			type: 'string',
			default: '',
			description: 'Only tests whose title contains this text',
		},
	]),
	optionsCollection([
		{
			displayName: 'Sort By',
			name: 'sortBy',
			type: 'options',
			default: 'createDate',
			options: [
				{ name: 'Creation Date', value: 'createDate' },
				{ name: 'Title', value: 'title' },
			],
		},
		{
			displayName: 'Sort Direction',
			name: 'sortDirection',
			type: 'options',
			default: 'desc',
			options: [
				{ name: 'Ascending', value: 'asc' },
				{ name: 'Descending', value: 'desc' },
			],
		},
	]),
]);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, async (client, itemIndex) => {
		const filters = getCollection.call(this, 'filters', itemIndex);
		const options = getCollection.call(this, 'options', itemIndex);
		const variables = {
			titleSearchText: (filters.titleSearchText as string) || undefined,
			labels: (filters.labels as string[] | undefined)?.length ? filters.labels : undefined,
			sortBy: options.sortBy,
			sortDirection: options.sortDirection,
		};
		const tests = await collectList<RawTest>(client, document, variables, { field: 'companyTests', items: 'tests' }, {
			...getPaging.call(this, itemIndex),
			itemIndex,
			idOf: (test) => test.id,
			onNulls: reportNullEntries(this.logger, 'tests'),
		});
		const timeZone = this.getTimezone();
		return tests.map((test) => normalizeTest(test, timeZone));
	});
}
