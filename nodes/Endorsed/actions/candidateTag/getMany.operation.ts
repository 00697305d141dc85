import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { forEachItem } from '../../../shared/forEachItem';
import { endorsedApiRequest } from '../../transport';
import { limitResults } from '../descriptions';
import { filtersCollection, returnAllAndLimit } from '../../../shared/descriptions';

const properties: INodeProperties[] = [
	...returnAllAndLimit,
	filtersCollection([
		{
			displayName: 'Candidate ID',
			name: 'candidateId',
			type: 'string',
			default: '',
			description: 'Only the tags of this candidate (Endorsed ID, a UUID)',
		},
		{
			displayName: 'Tag ID',
			name: 'tagId',
			type: 'string',
			default: '',
			description: 'Only the candidates with this tag (Endorsed ID, a UUID)',
		},
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['candidateTag'], operation: ['getMany'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await forEachItem(this, items, async (itemIndex) => {
		const { candidateId, tagId } = this.getNodeParameter('filters', itemIndex) as IDataObject;
		const qs: IDataObject = {};
		if (candidateId) qs.candidate_id = (candidateId as string).trim();
		if (tagId) qs.tag_id = (tagId as string).trim();
		const { results } = await endorsedApiRequest.call(
			this,
			{ method: 'GET', path: '/candidate_tags', qs, action: 'list candidate tags' },
			itemIndex,
		);
		return limitResults(this, itemIndex, results ?? []);
	});
}
