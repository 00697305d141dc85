import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { GraphqlOperation } from '../../../shared/codesignal/transport';
import { NotFoundError } from '../../../shared/inputs';
import { normalizeRole, ROLE_FIELDS, type RawRole } from '../../helpers/roles';
import { roleLocator } from '../descriptions';
import { runPerItem } from '../runPerItem';
import { getRoleKey } from './roleFields';

export const document: GraphqlOperation = {
	name: 'GetRole',
	action: 'read the role',
	document: /* GraphQL */ `
		query GetRole($key: ID!) {
			role(key: $key) { ${ROLE_FIELDS} }
		}
	`,
};

export const description: INodeProperties[] = updateDisplayOptions({ show: { resource: ['role'], operation: ['get'] } }, [
	roleLocator,
]);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, async (client, itemIndex) => {
		const key = getRoleKey.call(this, itemIndex);
		const { role } = await client.request<{ role: RawRole | null }>(document, { key }, { itemIndex });
		if (!role) throw new NotFoundError('Role', key);
		return normalizeRole(role);
	});
}
