import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { GraphqlOperation } from '../../../shared/codesignal/transport';
import { additionalFieldsCollection } from '../../../shared/descriptions';
import { requireText } from '../../../shared/inputs';
import { normalizeRole, ROLE_FIELDS, type RawRole } from '../../helpers/roles';
import { companyIdOption } from '../descriptions';
import { companyIdOf, getCollection } from '../readParameters';
import { runPerItem } from '../runPerItem';
import { permissionsProperty, titleProperty, toPermissions } from './roleFields';

export const document: GraphqlOperation = {
	name: 'CreateRole',
	action: 'create the role',
	document: /* GraphQL */ `
		mutation CreateRole($title: String!, $permissions: [String!]!, $companyId: ID) {
			createCompanyRole(title: $title, permissions: $permissions, companyId: $companyId) { ${ROLE_FIELDS} }
		}
	`,
};

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['role'], operation: ['create'] } },
	[
		{ ...titleProperty, required: true },
		permissionsProperty,
		additionalFieldsCollection([companyIdOption('the role belongs to')]),
	],
);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, async (client, itemIndex) => {
		const variables = {
			title: requireText(this.getNodeParameter('title', itemIndex, ''), 'Title'),
			permissions: toPermissions(this.getNodeParameter('permissions', itemIndex, [])),
			companyId: companyIdOf(getCollection.call(this, 'additionalFields', itemIndex)),
		};
		const data = await client.request<{ createCompanyRole: RawRole }>(document, variables, { itemIndex });
		return normalizeRole(data.createCompanyRole);
	});
}
