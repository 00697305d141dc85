import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { forEachItem } from '../../../shared/forEachItem';
import { endorsedApiRequest } from '../../transport';

const properties: INodeProperties[] = [
	{
		displayName: 'Candidate Tag ID',
		name: 'candidateTagId',
		type: 'string',
		default: '',
		required: true,
		description: 'The Endorsed ID (UUID) of the link between the candidate and the tag',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['candidateTag'], operation: ['deleteCandidateTag'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await forEachItem(this, items, async (itemIndex) => {
		const id = encodeURIComponent((this.getNodeParameter('candidateTagId', itemIndex) as string).trim());
		const { result } = await endorsedApiRequest.call(
			this,
			{ method: 'DELETE', path: `/candidate_tags/${id}`, action: 'remove the tag from the candidate' },
			itemIndex,
		);
		return { ...result, deleted: true };
	});
}
