import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { describeReference } from '../../helpers/recordReference';
import { forEachItem } from '../../../shared/forEachItem';
import { readReference, recordPath } from '../../helpers/references';
import { endorsedApiRequest } from '../../transport';
import { recordLocator } from '../descriptions';

const properties: INodeProperties[] = [recordLocator('attachment')];

export const description = updateDisplayOptions(
	{ show: { resource: ['attachment'], operation: ['deleteAttachment'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await forEachItem(this, items, async (itemIndex) => {
		const reference = readReference(this, 'attachment', itemIndex);
		const { result } = await endorsedApiRequest.call(
			this,
			{
				method: 'DELETE',
				path: recordPath('attachment', reference),
				action: `delete the attachment with ${describeReference(reference)}`,
			},
			itemIndex,
		);
		return { ...result, deleted: true };
	});
}
