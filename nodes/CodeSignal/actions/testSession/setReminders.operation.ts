import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { sessionSelection } from '../../../shared/codesignal/sessions';
import type { GraphqlOperation } from '../../../shared/codesignal/transport';
import { toEmailReminders } from '../readParameters';
import { runSessionMutation } from './sessionMutation';
import { remindersProperty, sessionIdProperty } from '../descriptions';

export const document: GraphqlOperation = {
	name: 'SetTestSessionReminders',
	action: 'set the reminders of the test session',
	document: /* GraphQL */ `
		mutation SetTestSessionReminders($id: ID!, $reminders: [EmailReminder!]!) {
			setCompanyTestSessionReminders(id: $id, reminders: $reminders) { ${sessionSelection('summary')} }
		}
	`,
};

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['testSession'], operation: ['setReminders'] } },
	[
		sessionIdProperty,
		{ ...remindersProperty, description: 'The reminders replace those set before; none removes them all' },
	],
);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runSessionMutation.call(this, items, {
		document,
		field: 'setCompanyTestSessionReminders',
		variables(itemIndex) {
			return { reminders: toEmailReminders(this.getNodeParameter('reminders', itemIndex, {})) };
		},
	});
}
