/**
 * What every operation shares: one CodeSignal client per execution and the package's per-item loop.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { codeSignalClient, type CodeSignalClient } from '../../shared/codesignal/transport';
import { forEachItem } from '../../shared/forEachItem';

/** One output object per item, or several (lists); plain objects of the node's item shapes. */
export type ItemResult = object | object[];

export async function runPerItem(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	run: (client: CodeSignalClient, itemIndex: number) => Promise<ItemResult>,
): Promise<INodeExecutionData[]> {
	const client = await codeSignalClient(this);
	return await forEachItem(
		this,
		items,
		async (itemIndex) => (await run(client, itemIndex)) as IDataObject | IDataObject[],
	);
}
