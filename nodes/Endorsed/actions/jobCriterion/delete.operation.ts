import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { forEachItem } from '../../../shared/forEachItem';
import { readReference, recordPath } from '../../helpers/references';
import { endorsedApiRequest } from '../../transport';
import { recordLocator } from '../descriptions';

const properties: INodeProperties[] = [
	recordLocator('job'),
	{
		displayName: 'Criterion ID',
		name: 'criterionId',
		type: 'string',
		default: '',
		required: true,
		description: 'The Endorsed ID of the criterion (criteria cannot be changed: delete one and create another)',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['jobCriterion'], operation: ['deleteCriterion'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await forEachItem(this, items, async (itemIndex) => {
		const criterionId = encodeURIComponent((this.getNodeParameter('criterionId', itemIndex) as string).trim());
		const { result } = await endorsedApiRequest.call(
			this,
			{
				method: 'DELETE',
				path: `${recordPath('job', readReference(this, 'job', itemIndex))}/criteria/${criterionId}`,
				action: 'delete the job criterion',
			},
			itemIndex,
		);
		return { ...result, deleted: true };
	});
}
