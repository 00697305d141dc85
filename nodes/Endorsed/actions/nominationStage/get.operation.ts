import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { forEachItem } from '../../../shared/forEachItem';
import { getRecord, readReference } from '../../helpers/references';
import { recordLocator } from '../descriptions';

const properties: INodeProperties[] = [recordLocator('nominationStage')];

export const description = updateDisplayOptions(
	{ show: { resource: ['nominationStage'], operation: ['get'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await forEachItem(
		this,
		items,
		async (itemIndex) =>
			await getRecord(this, 'nominationStage', readReference(this, 'nominationStage', itemIndex), itemIndex),
	);
}
