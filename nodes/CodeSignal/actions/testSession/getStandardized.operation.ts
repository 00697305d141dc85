import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import {
	normalizeSession,
	sessionSelection,
	type RawSession,
	type SessionDetail,
} from '../../../shared/codesignal/sessions';
import type { GraphqlOperation } from '../../../shared/codesignal/transport';
import { includeResultUrlOption, sessionDetailProperty } from '../../descriptions/sessionFields';
import { NotFoundError } from '../../helpers/inputs';
import { getCollection, getDetail, getId } from '../parameters';
import { runPerItem } from '../runPerItem';

function standardizedSessionDocument(detail: SessionDetail): GraphqlOperation {
	return {
		name: 'GetStandardizedTestSession',
		action: 'read the standardized test session',
		document: /* GraphQL */ `
			query GetStandardizedTestSession($id: ID!) {
				standardizedTestSession(id: $id) { ${sessionSelection(detail, 'standardized')} }
			}
		`,
	};
}

export const documents: Record<SessionDetail, GraphqlOperation> = {
	summary: standardizedSessionDocument('summary'),
	results: standardizedSessionDocument('results'),
	full: standardizedSessionDocument('full'),
};

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['testSession'], operation: ['getStandardized'] } },
	[
		{
			displayName: 'Standardized Test Session ID',
			name: 'sessionId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. 7hTqPz2mXcR4bLk9W',
			description: "The ID of a candidate's session of one of CodeSignal's certified assessments",
		},
		sessionDetailProperty,
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [includeResultUrlOption],
		},
	],
);

/** The session in the same shape as Get, plus its certification status. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, async (client, itemIndex) => {
		const id = getId.call(this, 'sessionId', 'Standardized Test Session ID', itemIndex);
		const detail = getDetail.call(this, itemIndex);
		const { includeResultUrl } = getCollection.call(this, 'options', itemIndex);
		const { standardizedTestSession: session } = await client.request<{ standardizedTestSession: RawSession | null }>(
			documents[detail],
			{ id },
			{ itemIndex },
		);
		if (!session) throw new NotFoundError('Standardized test session', id);
		return {
			...normalizeSession(session, { detail, includeResultUrl: includeResultUrl === true, timeZone: this.getTimezone() }),
			certificationStatus: session.result?.certificationStatus ?? null,
		};
	});
}
