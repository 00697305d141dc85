import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { describeEndorsedError } from '../transport/envelope';
import { endorsedApiRequest, type EndorsedRequest } from '../transport';

/**
 * A create that treats 409 CONFLICT as "it already exists": the existing record is looked up and
 * returned with `created: false`, so running a workflow twice gives the same result.
 */
export async function createUnlessExists(
	context: IExecuteFunctions,
	request: EndorsedRequest,
	findExisting: () => Promise<IDataObject | undefined>,
	itemIndex: number,
): Promise<IDataObject> {
	const answer = await endorsedApiRequest.call(context, { ...request, expected: [409] }, itemIndex);
	if (answer.status !== 409) return { ...answer.result, ...(request.body as IDataObject), created: true };
	const existing = await findExisting();
	if (!existing) {
		const said = answer.error ? describeEndorsedError(answer.error) : 'CONFLICT';
		throw new NodeOperationError(
			context.getNode(),
			`Endorsed could not ${request.action}: it exists already (${said}), but it could not be found`,
			{ itemIndex },
		);
	}
	return { ...existing, created: false };
}
