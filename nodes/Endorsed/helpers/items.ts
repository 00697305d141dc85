import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

/**
 * Runs `handle` for every input item. What it returns (one object or a list) becomes output items
 * paired with that item; with "Continue On Fail" an error becomes an `{ error }` item instead.
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
			if (context.continueOnFail()) {
				output.push({ json: { error: (error as Error).message }, pairedItem: { item: itemIndex } });
				continue;
			}
			if (error instanceof NodeApiError || error instanceof NodeOperationError) throw error;
			throw new NodeOperationError(context.getNode(), error as Error, { itemIndex });
		}
	}
	return output;
}
