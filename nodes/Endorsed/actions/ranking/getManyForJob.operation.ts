import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { forEachItem } from '../../../shared/forEachItem';
import { resolveParameterRecordId } from '../../helpers/references';
import { recordLocator } from '../descriptions';
import { returnAllAndLimit } from '../../../shared/descriptions';
import { readRanking } from './readRanking';

const properties: INodeProperties[] = [recordLocator('job'), ...returnAllAndLimit];

export const description = updateDisplayOptions(
	{ show: { resource: ['ranking'], operation: ['getManyForJob'] } },
	properties,
);

/** The job's nominated candidates, best first, each with its `rank` (1 = best). */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await forEachItem(this, items, async (itemIndex) => {
		const jobId = await resolveParameterRecordId(this, 'job', itemIndex);
		return await readRanking(this, { target_resource_id: jobId }, "read the job's candidate ranking", itemIndex);
	});
}
