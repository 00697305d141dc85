import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { collectList, reportNullEntries } from '../../../shared/codesignal/lists';
import type { GraphqlOperation } from '../../../shared/codesignal/transport';
import { filtersCollection, returnAllAndLimit } from '../../../shared/descriptions';
import { getCollection, getPaging } from '../readParameters';
import { runPerItem } from '../runPerItem';

export const document: GraphqlOperation = {
	name: 'ListTestLabels',
	action: 'list the test labels',
	document: /* GraphQL */ `
		query ListTestLabels($searchText: String, $first: Int!, $offset: Int) {
			testLabels(searchText: $searchText, first: $first, offset: $offset) {
				labels { title variant }
				pageInfo { hasNextPage }
			}
		}
	`,
};

export interface TestLabelsPage {
	testLabels: { labels: Array<{ title: string; variant: string }>; pageInfo: { hasNextPage: boolean } };
}

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['testLabel'], operation: ['getAll'] } },
	[
		...returnAllAndLimit,
		filtersCollection([
			{
				displayName: 'Title Contains',
				name: 'searchText',
				type: 'string',
				default: '',
				description: 'Only labels whose title contains this text',
			},
		]),
	],
);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, async (client, itemIndex) => {
		const searchText = (getCollection.call(this, 'filters', itemIndex).searchText as string) || undefined;
		return await collectList(client, document, { searchText }, { field: 'testLabels', items: 'labels' }, {
			...getPaging.call(this, itemIndex),
			itemIndex,
			onNulls: reportNullEntries(this.logger, 'test labels'),
		});
	});
}
