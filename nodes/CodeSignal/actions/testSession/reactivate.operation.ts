import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { normalizeSession, sessionSelection, type RawSession } from '../../../shared/codesignal/sessions';
import type { GraphqlOperation } from '../../../shared/codesignal/transport';
import { getCollection, getId } from '../readParameters';
import { runPerItem } from '../runPerItem';
import { notifyCandidateOption, sessionIdProperty } from '../descriptions';
import { optionsCollection } from '../../../shared/descriptions';

export const document: GraphqlOperation = {
	name: 'ReactivateTestSession',
	action: 'reactivate the test session',
	document: /* GraphQL */ `
		mutation ReactivateTestSession($id: ID!, $sendNotificationEmail: Boolean) {
			reactivateCompanyTestSession(id: $id, sendNotificationEmail: $sendNotificationEmail) {
				${sessionSelection('summary')}
				reactivatedSession { newSessionId }
			}
		}
	`,
};

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['testSession'], operation: ['reactivate'] } },
	[
		sessionIdProperty,
		optionsCollection([notifyCandidateOption(true, 'Whether to e-mail the candidate that the invitation is open again')]),
	],
);

/**
 * An expired or declined invitation opens again; a finished session gets a retake, a new session whose ID
 * is in `reactivatedSessionId`.
 */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, async (client, itemIndex) => {
		const id = getId.call(this, 'sessionId', 'Test Session ID', itemIndex);
		const { sendNotificationEmail } = getCollection.call(this, 'options', itemIndex);
		const { reactivateCompanyTestSession: session } = await client.request<{
			reactivateCompanyTestSession: RawSession & { reactivatedSession?: { newSessionId: string } | null };
		}>(document, { id, sendNotificationEmail }, { itemIndex });
		return {
			...normalizeSession(session, { detail: 'summary', timeZone: this.getTimezone() }),
			reactivatedSessionId: session.reactivatedSession?.newSessionId ?? null,
		};
	});
}
