import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { forEachItem } from '../../../shared/forEachItem';
import { endorsedApiRequest } from '../../transport';
import { criterionPath, criterionProperties } from './criterion';

export const description = updateDisplayOptions(
	{ show: { resource: ['jobCriterion'], operation: ['deleteCriterion'] } },
	criterionProperties,
);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await forEachItem(this, items, async (itemIndex) => {
		const { result } = await endorsedApiRequest.call(
			this,
			{ method: 'DELETE', path: criterionPath(this, itemIndex), action: 'delete the job criterion' },
			itemIndex,
		);
		return { ...result, deleted: true };
	});
}
