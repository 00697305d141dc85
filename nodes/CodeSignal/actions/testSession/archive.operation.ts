import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { sessionSelection } from '../../../shared/codesignal/sessions';
import type { GraphqlOperation } from '../../../shared/codesignal/transport';
import { runSessionMutation } from './sessionMutation';
import { sessionIdProperty } from '../descriptions';

export const document: GraphqlOperation = {
	name: 'ArchiveTestSession',
	action: 'archive the test session',
	document: /* GraphQL */ `
		mutation ArchiveTestSession($id: ID!) {
			archiveCompanyTestSession(id: $id) { ${sessionSelection('summary')} }
		}
	`,
};

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['testSession'], operation: ['archive'] } },
	[sessionIdProperty],
);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runSessionMutation.call(this, items, { document, field: 'archiveCompanyTestSession' });
}
