import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { toNodeError } from './nodeErrors';

/**
 * The per-item loop of every action node of the package: runs `handle` for each input item; what it returns
 * (one object or a list) becomes output items paired with that item. A failure becomes a node error naming
 * the item, or, with "Continue On Fail", an `{ error }` item instead.
 */
export async function forEachItem(
	context: IExecuteFunctions,
	items: INodeExecutionData[],
	handle: (itemIndex: number) => Promise<IDataObject | IDataObject[]>,
): Promise<INodeExecutionData[]> {
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const data = await handle(itemIndex);
			output.push(
				...context.helpers.constructExecutionMetaData(context.helpers.returnJsonArray(data), {
					itemData: { item: itemIndex },
				}),
			);
		} catch (error) {
			const nodeError = toNodeError(context.getNode(), error, { itemIndex });
			if (!context.continueOnFail()) throw nodeError;
			output.push({ json: { error: nodeError.message }, pairedItem: { item: itemIndex } });
		}
	}
	return output;
}
