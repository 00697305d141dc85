import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { GraphqlOperation } from '../../../shared/codesignal/transport';
import { getId } from '../readParameters';
import { runPerItem } from '../runPerItem';
import { interviewIdProperty } from './interviewInput';

export const document: GraphqlOperation = {
	name: 'DeleteLiveInterview',
	action: 'delete the live interview',
	document: /* GraphQL */ `
		mutation DeleteLiveInterview($id: ID!) {
			deleteLiveInterview(id: $id)
		}
	`,
};

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['liveInterview'], operation: ['delete'] } },
	[interviewIdProperty],
);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, async (client, itemIndex) => {
		const id = getId.call(this, 'interviewId', 'Live Interview ID', itemIndex);
		const data = await client.request<{ deleteLiveInterview: string }>(document, { id }, { itemIndex });
		return { id: data.deleteLiveInterview, deleted: true };
	});
}
