import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { forEachItem } from '../../../shared/forEachItem';
import { endorsedApiRequest } from '../../transport';
import { remoteIdProperty } from '../descriptions';
import { additionalFieldsCollection } from '../../../shared/descriptions';

const properties: INodeProperties[] = [
	{ displayName: 'Name', name: 'name', type: 'string', default: '', required: true, placeholder: 'e.g. Assessment' },
	{
		displayName: 'Order',
		name: 'stageOrderIndex',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		required: true,
		description: "The stage's place in the pipeline; each stage of a job needs its own",
	},
	remoteIdProperty('nomination stage'),
	additionalFieldsCollection([
		{
			displayName: 'Job ID',
			name: 'jobId',
			type: 'string',
			default: '',
			description:
				'The Endorsed ID (UUID) of the job the stage belongs to; without it the stage is shared by all jobs',
		},
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['nominationStage'], operation: ['create'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await forEachItem(this, items, async (itemIndex) => {
		const body: IDataObject = {
			name: this.getNodeParameter('name', itemIndex),
			stage_order_index: this.getNodeParameter('stageOrderIndex', itemIndex),
			remote_id: (this.getNodeParameter('remoteId', itemIndex) as string).trim(),
		};
		const { jobId } = this.getNodeParameter('additionalFields', itemIndex) as IDataObject;
		if (jobId) body.job_id = (jobId as string).trim();
		const { result } = await endorsedApiRequest.call(
			this,
			{ method: 'POST', path: '/nomination_stages', body, action: 'create the nomination stage' },
			itemIndex,
		);
		return { ...result, ...body };
	});
}
