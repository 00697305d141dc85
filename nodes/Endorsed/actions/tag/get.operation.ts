import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { forEachItem } from '../../../shared/forEachItem';
import { endorsedApiRequest } from '../../transport';
import { tagIdProperty } from './tagType';

const properties: INodeProperties[] = [tagIdProperty];

export const description = updateDisplayOptions({ show: { resource: ['tag'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await forEachItem(this, items, async (itemIndex) => {
		const tagId = encodeURIComponent((this.getNodeParameter('tagId', itemIndex) as string).trim());
		const { result } = await endorsedApiRequest.call(
			this,
			{ method: 'GET', path: `/tags/${tagId}`, action: 'get the tag' },
			itemIndex,
		);
		return result ?? {};
	});
}
