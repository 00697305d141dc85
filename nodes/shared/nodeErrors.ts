/**
 * The package's one edge between its own errors (./errors) and n8n's: `toNodeError` turns them into what n8n
 * shows, a NodeApiError when a service (CodeSignal, Endorsed) failed, a NodeOperationError when the input or
 * the set-up is wrong.
 */
import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeError, NodeOperationError } from 'n8n-workflow';

import { DescribedError, ServiceRequestError, StepError } from './errors';

export interface NodeErrorOptions {
	itemIndex?: number;
	/** What the failure meant for the user's data, e.g. "Nothing was emitted". */
	consequence?: string;
}

const sentences = (...parts: Array<string | undefined | null>) => parts.filter(Boolean).join(' ') || undefined;

export function toNodeError(node: INode, error: unknown, options: NodeErrorOptions = {}): NodeError {
	const { itemIndex, consequence } = options;
	const cause = error instanceof StepError ? error.cause : error;
	const note = sentences(error instanceof StepError ? error.note : undefined, consequence);

	if (cause instanceof NodeError) {
		if (note) cause.description = sentences(cause.description, note);
		return cause;
	}
	if (cause instanceof ServiceRequestError) {
		return new NodeApiError(node, { message: cause.message, code: cause.code ?? null } as JsonObject, {
			message: cause.message,
			description: sentences(cause.description, note),
			httpCode: cause.httpStatus !== undefined ? String(cause.httpStatus) : undefined,
			itemIndex,
		});
	}
	if (cause instanceof DescribedError) {
		return new NodeOperationError(node, cause.message, { description: sentences(cause.description, note), itemIndex });
	}
	return new NodeOperationError(node, cause instanceof Error ? cause : String(cause), { description: note, itemIndex });
}
