import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { sessionSelection } from '../../../shared/codesignal/sessions';
import type { GraphqlOperation } from '../../../shared/codesignal/transport';
import { runSessionMutation } from './sessionMutation';
import { sessionIdProperty } from '../descriptions';

export const document: GraphqlOperation = {
	name: 'MarkTestResultAsGraded',
	action: 'mark the test result as graded',
	document: /* GraphQL */ `
		mutation MarkTestResultAsGraded($id: ID!) {
			markCompanyTestResultAsGraded(id: $id) { ${sessionSelection('summary')} }
		}
	`,
};

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['testSession'], operation: ['markAsGraded'] } },
	[sessionIdProperty],
);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runSessionMutation.call(this, items, { document, field: 'markCompanyTestResultAsGraded' });
}
