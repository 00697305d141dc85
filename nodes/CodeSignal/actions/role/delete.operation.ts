import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { GraphqlOperation } from '../../../shared/codesignal/transport';
import { roleLocator } from '../descriptions';
import { runPerItem } from '../runPerItem';
import { getRoleKey } from './roleFields';

export const document: GraphqlOperation = {
	name: 'DeleteRole',
	action: 'delete the role',
	document: /* GraphQL */ `
		mutation DeleteRole($key: ID!) {
			deleteRole(key: $key)
		}
	`,
};

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['role'], operation: ['delete'] } },
	[{ ...roleLocator, description: 'The company role to delete, for good (a role still assigned to members cannot go)' }],
);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, async (client, itemIndex) => {
		const key = getRoleKey.call(this, itemIndex);
		const data = await client.request<{ deleteRole: string }>(document, { key }, { itemIndex });
		return { key: data.deleteRole, deleted: true };
	});
}
