import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { sessionSelection } from '../../../shared/codesignal/sessions';
import type { GraphqlOperation } from '../../../shared/codesignal/transport';
import { InvalidParameterError, parseDate } from '../../../shared/inputs';
import { runSessionMutation } from './sessionMutation';
import { sessionIdProperty } from '../descriptions';

export const document: GraphqlOperation = {
	name: 'ExtendTestSessionExpiration',
	action: 'extend the expiration of the test session',
	document: /* GraphQL */ `
		mutation ExtendTestSessionExpiration($id: ID!, $expirationDate: Timestamp!) {
			editCompanyTestSessionExpiration(id: $id, expirationDate: $expirationDate) { ${sessionSelection('summary')} }
		}
	`,
};

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['testSession'], operation: ['extendExpiration'] } },
	[
		sessionIdProperty,
		{
			displayName: 'Expiration Date',
			name: 'expirationDate',
			type: 'dateTime',
			required: true,
			default: '',
			description: 'The new expiration date; CodeSignal only accepts a date later than the current one',
		},
	],
);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runSessionMutation.call(this, items, {
		document,
		field: 'editCompanyTestSessionExpiration',
		variables(itemIndex) {
			const field = 'Expiration Date';
			const expirationDate = parseDate(this.getNodeParameter('expirationDate', itemIndex), field, this.getTimezone());
			if (expirationDate === undefined) throw new InvalidParameterError(field, `${field} is required`);
			return { expirationDate };
		},
	});
}
