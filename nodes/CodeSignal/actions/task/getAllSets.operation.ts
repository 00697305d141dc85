import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { collectList, reportNullEntries } from '../../../shared/codesignal/lists';
import type { GraphqlOperation } from '../../../shared/codesignal/transport';
import { returnAllAndLimit } from '../../../shared/descriptions';
import { getPaging } from '../readParameters';
import { runPerItem } from '../runPerItem';

export const document: GraphqlOperation = {
	name: 'ListTaskSets',
	action: 'list the task sets',
	document: /* GraphQL */ `
		query ListTaskSets($first: Int!, $offset: Int) {
			taskSets(first: $first, offset: $offset) {
				taskSets { id name }
				pageInfo { hasNextPage }
			}
		}
	`,
};

export interface TaskSetsPage {
	taskSets: { taskSets: Array<{ id: string; name: string }>; pageInfo: { hasNextPage: boolean } };
}

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['task'], operation: ['getAllSets'] } },
	returnAllAndLimit,
);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, async (client, itemIndex) => {
		return await collectList(client, document, {}, { field: 'taskSets', items: 'taskSets' }, {
			...getPaging.call(this, itemIndex),
			itemIndex,
			onNulls: reportNullEntries(this.logger, 'task sets'),
		});
	});
}
