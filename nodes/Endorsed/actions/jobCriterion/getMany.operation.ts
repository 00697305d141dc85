import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { forEachItem } from '../../../shared/forEachItem';
import { readReference, recordPath } from '../../helpers/references';
import { endorsedApiRequest } from '../../transport';
import { limitResults, recordLocator } from '../descriptions';
import { returnAllAndLimit } from '../../../shared/descriptions';

const properties: INodeProperties[] = [recordLocator('job'), ...returnAllAndLimit];

export const description = updateDisplayOptions(
	{ show: { resource: ['jobCriterion'], operation: ['getMany'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await forEachItem(this, items, async (itemIndex) => {
		const { results } = await endorsedApiRequest.call(
			this,
			{
				method: 'GET',
				path: `${recordPath('job', readReference(this, 'job', itemIndex))}/criteria`,
				action: "list the job's criteria",
			},
			itemIndex,
		);
		return limitResults(this, itemIndex, results ?? []);
	});
}
