import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { sessionSelection } from '../../../shared/codesignal/sessions';
import type { GraphqlOperation } from '../../../shared/codesignal/transport';
import { MINUTE_MS, requireWholeNumber } from '../../../shared/inputs';
import { runSessionMutation } from './sessionMutation';
import { sessionIdProperty } from '../descriptions';

export const document: GraphqlOperation = {
	name: 'SetTestSessionDuration',
	action: 'change the duration of the test session',
	document: /* GraphQL */ `
		mutation SetTestSessionDuration($id: ID!, $customDuration: Float!) {
			editCompanyTestSessionDuration(id: $id, customDuration: $customDuration) { ${sessionSelection('summary')} }
		}
	`,
};

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['testSession'], operation: ['setDuration'] } },
	[
		sessionIdProperty,
		{
			displayName: 'Duration (Minutes)',
			name: 'durationMinutes',
			type: 'number',
			required: true,
			default: 90,
			typeOptions: { minValue: 1 },
			description: 'How long the candidate has for the test, instead of the test\'s own duration',
		},
	],
);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runSessionMutation.call(this, items, {
		document,
		field: 'editCompanyTestSessionDuration',
		variables(itemIndex) {
			const minutes = requireWholeNumber(this.getNodeParameter('durationMinutes', itemIndex), 'Duration (Minutes)', 1);
			return { customDuration: minutes * MINUTE_MS };
		},
	});
}
