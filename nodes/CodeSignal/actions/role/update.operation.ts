import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { GraphqlOperation } from '../../../shared/codesignal/transport';
import { updateFieldsCollection } from '../../../shared/descriptions';
import { InvalidParameterError, NotFoundError, requireText } from '../../../shared/inputs';
import { normalizeRole, ROLE_FIELDS, type RawRole } from '../../helpers/roles';
import { roleLocator } from '../descriptions';
import { getCollection } from '../readParameters';
import { runPerItem } from '../runPerItem';
import { document as getRole } from './get.operation';
import { getRoleKey, permissionsProperty, titleProperty, toPermissions } from './roleFields';

export const document: GraphqlOperation = {
	name: 'UpdateRole',
	action: 'update the role',
	document: /* GraphQL */ `
		mutation UpdateRole($key: ID!, $title: String!, $permissions: [String!]!) {
			editCompanyRole(key: $key, title: $title, permissions: $permissions) { ${ROLE_FIELDS} }
		}
	`,
};

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['role'], operation: ['update'] } },
	[
		{ ...roleLocator, description: "The company role to change (CodeSignal's system roles cannot change)" },
		updateFieldsCollection([
			{
				...permissionsProperty,
				description:
					'Replaces the role\'s whole permission list: give every permission the role keeps. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			titleProperty,
		]),
	],
);

/**
 * CodeSignal's editCompanyRole overwrites both the title and the permission list, so a field not given is
 * read from the role first and sent back unchanged.
 */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, async (client, itemIndex) => {
		const key = getRoleKey.call(this, itemIndex);
		const fields = getCollection.call(this, 'updateFields', itemIndex);
		if (fields.title === undefined && fields.permissions === undefined) {
			throw new InvalidParameterError('Update Fields', 'Update Fields is empty: add at least one field to change');
		}
		let title = fields.title === undefined ? undefined : requireText(fields.title, 'Title');
		let permissions = fields.permissions === undefined ? undefined : toPermissions(fields.permissions);
		if (title === undefined || permissions === undefined) {
			const { role } = await client.request<{ role: RawRole | null }>(getRole, { key }, { itemIndex });
			if (!role) throw new NotFoundError('Role', key);
			const current = normalizeRole(role);
			title ??= requireText(current.title, 'Title');
			permissions ??= current.permissions;
		}
		const data = await client.request<{ editCompanyRole: RawRole }>(document, { key, title, permissions }, { itemIndex });
		return normalizeRole(data.editCompanyRole);
	});
}
