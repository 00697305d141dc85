import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { forEachItem } from '../../../shared/forEachItem';
import { resolveParameterRecordId } from '../../helpers/references';
import { endorsedApiRequest } from '../../transport';
import { recordLocator, remoteIdProperty } from '../descriptions';
import { additionalFieldsCollection } from '../../../shared/descriptions';

const properties: INodeProperties[] = [
	recordLocator('job'),
	recordLocator('candidate'),
	{
		displayName: 'Nomination Stage ID',
		name: 'stageId',
		type: 'string',
		default: '',
		required: true,
		description: 'The Endorsed ID (UUID) of the stage the nomination starts in',
	},
	remoteIdProperty('nomination'),
	additionalFieldsCollection([
		{
			displayName: 'Applied At',
			name: 'appliedAt',
			type: 'dateTime',
			default: '',
			description: 'When the candidate applied to the job',
		},
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['nomination'], operation: ['create'] } },
	properties,
);

/** Links a candidate to a job; Endorsed then evaluates the job's criteria for them. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await forEachItem(this, items, async (itemIndex) => {
		const body: IDataObject = {
			job_id: await resolveParameterRecordId(this, 'job', itemIndex),
			candidate_id: await resolveParameterRecordId(this, 'candidate', itemIndex),
			current_nomination_stage_id: (this.getNodeParameter('stageId', itemIndex) as string).trim(),
			remote_id: (this.getNodeParameter('remoteId', itemIndex) as string).trim(),
		};
		const { appliedAt } = this.getNodeParameter('additionalFields', itemIndex) as IDataObject;
		if (appliedAt) body.applied_at = appliedAt;
		const { result } = await endorsedApiRequest.call(
			this,
			{ method: 'POST', path: '/nominations', body, action: 'create the nomination' },
			itemIndex,
		);
		return { ...result, ...body };
	});
}
