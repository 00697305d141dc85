/** Sends an action node's execution to the operation the user chose: `<resource>/<operation>.operation.ts`. */
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** What every `*.operation.ts` exports. */
export interface Operation {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]>;
}

/** A node's resources by parameter value: each a `*.resource.ts` module (its operations and their description). */
export type Resources = Record<string, { description: INodeProperties[] } & Record<string, unknown>>;

function operationOf(resources: Resources, resource: string, operation: string): Operation | undefined {
	const candidate = resources[resource]?.[operation] as Partial<Operation> | undefined;
	return typeof candidate?.execute === 'function' ? (candidate as Operation) : undefined;
}

export async function route(this: IExecuteFunctions, resources: Resources): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const chosen = operationOf(resources, resource, operation);
	if (!chosen) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" is not supported for "${resource}"`);
	}
	return [await chosen.execute.call(this, this.getInputData())];
}
