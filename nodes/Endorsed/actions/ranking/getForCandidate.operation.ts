import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { forEachItem } from '../../../shared/forEachItem';
import { resolveParameterRecordId } from '../../helpers/references';
import { endorsedApiRequest } from '../../transport';
import { recordLocator } from '../descriptions';
import { optionsCollection } from '../../../shared/descriptions';

const properties: INodeProperties[] = [
	recordLocator('candidate'),
	optionsCollection([
		{
			displayName: 'Job ID',
			name: 'jobId',
			type: 'string',
			default: '',
			description:
				"The Endorsed ID (UUID) of the job whose ranking to read; by default the job of the candidate's latest nomination",
		},
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['ranking'], operation: ['getForCandidate'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await forEachItem(this, items, async (itemIndex) => {
		const candidateId = await resolveParameterRecordId(this, 'candidate', itemIndex);
		const { jobId } = this.getNodeParameter('options', itemIndex) as IDataObject;
		const { result } = await endorsedApiRequest.call(
			this,
			{
				method: 'GET',
				path: `/candidate_rankings/${encodeURIComponent(candidateId)}`,
				qs: jobId ? { filter_job_id: (jobId as string).trim() } : undefined,
				action: "read the candidate's ranking",
			},
			itemIndex,
		);
		return result ?? {};
	});
}
