import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { GraphqlOperation } from '../../../shared/codesignal/transport';
import { companyIdOption, companyIdOf } from '../../descriptions/company';
import { requireText } from '../../helpers/inputs';
import { normalizeRole, ROLE_FIELDS, type RawRole } from '../../helpers/roles';
import { getCollection } from '../parameters';
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
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				companyIdOption('the role belongs to'),
			],
		},
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
