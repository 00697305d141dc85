/**
 * What every operation shares: one CodeSignal client per execution, one run per input item, the
 * item's pairedItem on every output, and errors that name the item (or error items with continueOnFail).
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeError, NodeOperationError } from 'n8n-workflow';

import { codeSignalClient, type CodeSignalClient } from '../../shared/codesignal/transport';
import { InvalidParameterError, NotFoundError } from '../helpers/inputs';

export interface CodeSignalOperation {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]>;
}

/** One output object per item, or several (lists); plain objects of the node's item shapes. */
export type ItemResult = object | object[];

function asNodeError(context: IExecuteFunctions, error: Error, itemIndex: number): NodeError {
	if (error instanceof NodeError) return error;
	return new NodeOperationError(context.getNode(), error.message, {
		itemIndex,
		description: error instanceof InvalidParameterError || error instanceof NotFoundError ? error.description : undefined,
	});
}

export async function runPerItem(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	run: (client: CodeSignalClient, itemIndex: number) => Promise<ItemResult>,
): Promise<INodeExecutionData[]> {
	const client = await codeSignalClient(this);
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const result = (await run(client, itemIndex)) as IDataObject | IDataObject[];
			output.push(
				...this.helpers.constructExecutionMetaData(this.helpers.returnJsonArray(result), { itemData: { item: itemIndex } }),
			);
		} catch (error) {
			const nodeError = asNodeError(this, error as Error, itemIndex);
			if (!this.continueOnFail()) throw nodeError;
			output.push({ json: { error: nodeError.message }, pairedItem: { item: itemIndex } });
		}
	}
	return output;
}
