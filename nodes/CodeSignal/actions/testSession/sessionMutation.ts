/** The test-session mutations that answer with the changed session share one way to run and emit it. */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { normalizeSession, type RawSession, type SessionDetail } from '../../../shared/codesignal/sessions';
import type { GraphqlOperation } from '../../../shared/codesignal/transport';
import { getId } from '../readParameters';
import { runPerItem } from '../runPerItem';

export interface SessionMutation {
	document: GraphqlOperation;
	/** The mutation field whose value is the session. */
	field: string;
	/** Variables besides `id`, read for one item. */
	variables?: (this: IExecuteFunctions, itemIndex: number) => Record<string, unknown>;
	/** What the document selects of the session (default: the summary). */
	detail?: SessionDetail;
}

export async function runSessionMutation(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	mutation: SessionMutation,
): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, async (client, itemIndex) => {
		const id = getId.call(this, 'sessionId', 'Test Session ID', itemIndex);
		const variables = { id, ...mutation.variables?.call(this, itemIndex) };
		const data = await client.request<Record<string, RawSession>>(mutation.document, variables, { itemIndex });
		return normalizeSession(data[mutation.field], {
			detail: mutation.detail ?? 'summary',
			timeZone: this.getTimezone(),
		});
	});
}
