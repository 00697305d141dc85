import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { createUnlessExists } from '../../helpers/conflicts';
import { forEachItem } from '../../../shared/forEachItem';
import { readReference, resolveRecordId } from '../../helpers/references';
import { endorsedApiRequest } from '../../transport';
import { recordLocator } from '../descriptions';
import { tagIdProperty } from '../tag/tagType';

const properties: INodeProperties[] = [recordLocator('candidate'), tagIdProperty];

export const description = updateDisplayOptions(
	{ show: { resource: ['candidateTag'], operation: ['create'] } },
	properties,
);

/** A tag already on the candidate (409) is returned instead of added twice. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await forEachItem(this, items, async (itemIndex) => {
		const body = {
			candidate_id: await resolveRecordId(this, 'candidate', readReference(this, 'candidate', itemIndex), itemIndex),
			tag_id: (this.getNodeParameter('tagId', itemIndex) as string).trim(),
		};
		return await createUnlessExists(
			this,
			{ method: 'POST', path: '/candidate_tags', body, action: 'tag the candidate' },
			async () => {
				const { results } = await endorsedApiRequest.call(
					this,
					{ method: 'GET', path: '/candidate_tags', qs: body, action: "list the candidate's tags" },
					itemIndex,
				);
				return results?.[0];
			},
			itemIndex,
		);
	});
}
