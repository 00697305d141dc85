import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { sessionSelection, type SessionDetail } from '../../../shared/codesignal/sessions';
import type { GraphqlOperation } from '../../../shared/codesignal/transport';
import { runSessionRead, sessionReadProperties } from './readSession';

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

const idProperty: INodeProperties = {
	displayName: 'Standardized Test Session ID',
	name: 'sessionId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 7hTqPz2mXcR4bLk9W',
	description: "The ID of a candidate's session of one of CodeSignal's certified assessments",
};

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['testSession'], operation: ['getStandardized'] } },
	sessionReadProperties(idProperty),
);

/** The session in the same shape as Get, plus its certification status. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runSessionRead.call(this, items, {
		idProperty,
		documents,
		field: 'standardizedTestSession',
		noun: 'Standardized test session',
		extraFields: (session) => ({ certificationStatus: session.result?.certificationStatus ?? null }),
	});
}
