import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { GraphqlOperation } from '../../../shared/codesignal/transport';
import { getCollection, getId } from '../readParameters';
import { runPerItem } from '../runPerItem';
import { notifyCandidateOption, sessionIdProperty } from '../descriptions';
import { optionsCollection } from '../../../shared/descriptions';

export const document: GraphqlOperation = {
	name: 'DeleteTestSession',
	action: 'delete the test session',
	document: /* GraphQL */ `
		mutation DeleteTestSession($id: ID!, $sendNotificationEmail: Boolean) {
			deleteCompanyTestSession(id: $id, sendNotificationEmail: $sendNotificationEmail)
		}
	`,
};

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['testSession'], operation: ['delete'] } },
	[
		sessionIdProperty,
		optionsCollection([notifyCandidateOption(false, 'Whether to e-mail the candidate that the invitation was withdrawn')]),
	],
);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, async (client, itemIndex) => {
		const id = getId.call(this, 'sessionId', 'Test Session ID', itemIndex);
		const { sendNotificationEmail } = getCollection.call(this, 'options', itemIndex);
		const data = await client.request<{ deleteCompanyTestSession: string }>(
			document,
			{ id, sendNotificationEmail },
			{ itemIndex },
		);
		return { id: data.deleteCompanyTestSession, deleted: true };
	});
}
