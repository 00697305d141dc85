import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { collectAll } from '../../../shared/pagination';
import { forEachItem } from '../../../shared/forEachItem';
import { resolveParameterRecordId } from '../../helpers/references';
import { endorsedApiRequest } from '../../transport';
import { recordLocator } from '../descriptions';
import { returnAllAndLimit } from '../../../shared/descriptions';

/** Endorsed's largest page of rankings. */
const PAGE_SIZE = 100;

const properties: INodeProperties[] = [recordLocator('job'), ...returnAllAndLimit];

export const description = updateDisplayOptions(
	{ show: { resource: ['ranking'], operation: ['getManyForJob'] } },
	properties,
);

/** The job's nominated candidates, best first, each with its `rank` (1 = best). */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await forEachItem(this, items, async (itemIndex) => {
		const jobId = await resolveParameterRecordId(this, 'job', itemIndex);
		const entries = await collectAll<IDataObject>(
			async ({ first, offset }) => {
				const { results } = await endorsedApiRequest.call(
					this,
					{
						method: 'GET',
						path: '/candidate_rankings',
						qs: { target_resource_id: jobId, offset, limit: first },
						action: "read the job's candidate ranking",
					},
					itemIndex,
				);
				return { items: results ?? [] };
			},
			{
				returnAll: this.getNodeParameter('returnAll', itemIndex) as boolean,
				limit: this.getNodeParameter('limit', itemIndex, 50) as number,
				pageSize: PAGE_SIZE,
			},
		);
		return entries.map((entry, index) => ({ rank: index + 1, ...entry }));
	});
}
