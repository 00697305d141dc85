/**
 * What every operation shares: one CodeSignal client per execution and the package's per-item loop, with
 * CodeSignal's input and not-found errors carrying their description.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeError, NodeOperationError } from 'n8n-workflow';

import { codeSignalClient, type CodeSignalClient } from '../../shared/codesignal/transport';
import { forEachItem } from '../../shared/items';
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
	return await forEachItem(
		this,
		items,
		async (itemIndex) => (await run(client, itemIndex)) as IDataObject | IDataObject[],
		(error, itemIndex) => asNodeError(this, error, itemIndex),
	);
}
