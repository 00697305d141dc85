import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { forEachItem } from '../../../shared/forEachItem';
import { getRecord, readReference } from '../../helpers/references';
import { recordLocator } from '../descriptions';

const properties: INodeProperties[] = [recordLocator('attachment')];

export const description = updateDisplayOptions({ show: { resource: ['attachment'], operation: ['get'] } }, properties);

/** Endorsed returns the attachment's fields, never the file's content. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await forEachItem(
		this,
		items,
		async (itemIndex) => await getRecord(this, 'attachment', readReference(this, 'attachment', itemIndex), itemIndex),
	);
}
