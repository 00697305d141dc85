import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { normalizeSession, sessionSelection, type RawSession, type SessionDetail } from '../../../shared/codesignal/sessions';
import type { GraphqlOperation } from '../../../shared/codesignal/transport';
import { requireText } from '../../../shared/inputs';
import { getCollection, getDetail } from '../readParameters';
import { runPerItem } from '../runPerItem';
import { includeResultUrlOption, optionsCollection, sessionDetailProperty } from '../../../shared/descriptions';

function byAtsIdDocument(detail: SessionDetail): GraphqlOperation {
	return {
		name: 'GetTestSessionsByAtsId',
		action: 'find the test sessions of the ATS record',
		document: /* GraphQL */ `
			query GetTestSessionsByAtsId($id: String!, $idType: AtsIdType!) {
				atsCompanyTestSessions(id: $id, idType: $idType) { ${sessionSelection(detail)} }
			}
		`,
	};
}

export const documents = {
	summary: byAtsIdDocument('summary'),
	results: byAtsIdDocument('results'),
	full: byAtsIdDocument('full'),
};

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['testSession'], operation: ['getByAtsId'] } },
	[
		{
			displayName: 'ATS ID Type',
			name: 'idType',
			type: 'options',
			default: 'greenhouseApplicationId',
			options: [
				{ name: 'Greenhouse Application ID', value: 'greenhouseApplicationId' },
				{ name: 'Greenhouse Candidate ID', value: 'greenhouseCandidateId' },
			],
			description: 'Which ATS record the ID identifies',
		},
		{
			displayName: 'ATS ID',
			name: 'atsId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. 123456789',
			description: 'The ID in the ATS, as CodeSignal\'s integration recorded it',
		},
		sessionDetailProperty,
		optionsCollection([includeResultUrlOption]),
	],
);

/** One item per session of the ATS record; none when CodeSignal knows no session for it. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, async (client, itemIndex) => {
		const id = requireText(this.getNodeParameter('atsId', itemIndex), 'ATS ID');
		const idType = this.getNodeParameter('idType', itemIndex) as string;
		const detail = getDetail.call(this, itemIndex);
		const { includeResultUrl } = getCollection.call(this, 'options', itemIndex);
		const data = await client.request<{ atsCompanyTestSessions: Array<RawSession | null> }>(
			documents[detail],
			{ id, idType },
			{ itemIndex },
		);
		const normalize = { detail, includeResultUrl: includeResultUrl === true, timeZone: this.getTimezone() };
		return data.atsCompanyTestSessions.flatMap((session) => (session ? [normalizeSession(session, normalize)] : []));
	});
}
