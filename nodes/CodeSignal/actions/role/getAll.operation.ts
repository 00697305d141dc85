import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { GraphqlOperation } from '../../../shared/codesignal/transport';
import { filtersCollection, returnAllAndLimit } from '../../../shared/descriptions';
import { InvalidParameterError } from '../../../shared/inputs';
import { normalizeRole, ROLE_FIELDS, type RawRole } from '../../helpers/roles';
import { companyIdOption } from '../descriptions';
import { companyIdOf, getCollection, getPaging } from '../readParameters';
import { runPerItem } from '../runPerItem';

export const document: GraphqlOperation = {
	name: 'ListRoles',
	action: 'list the roles',
	document: /* GraphQL */ `
		query ListRoles($companyId: ID) {
			companyRoles(companyId: $companyId) { ${ROLE_FIELDS} }
		}
	`,
};

const KINDS = ['all', 'company', 'system'];

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['role'], operation: ['getAll'] } },
	[
		...returnAllAndLimit,
		filtersCollection([
			companyIdOption('whose roles to list'),
			{
				displayName: 'Kind',
				name: 'kind',
				type: 'options',
				default: 'all',
				options: [
					{ name: 'All', value: 'all', description: "CodeSignal's system roles and the company's own" },
					{ name: 'Company Roles', value: 'company', description: 'Only the roles the company created' },
					{ name: 'System Roles', value: 'system', description: "Only CodeSignal's built-in roles" },
				],
			},
		]),
	],
);

/** companyRoles is not paged: CodeSignal answers every role at once, and the limit is applied here. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, async (client, itemIndex) => {
		const filters = getCollection.call(this, 'filters', itemIndex);
		const companyId = companyIdOf(filters);
		const paging = getPaging.call(this, itemIndex);
		const kind = (filters.kind as string | undefined) ?? 'all';
		if (!KINDS.includes(kind)) {
			throw new InvalidParameterError('Kind', `Kind must be one of ${KINDS.join(', ')}, got "${kind}"`);
		}
		const { companyRoles } = await client.request<{ companyRoles: Array<RawRole | null> | null }>(
			document,
			{ companyId },
			{ itemIndex },
		);
		const roles = (companyRoles ?? [])
			.filter((role): role is RawRole => role !== null)
			.map(normalizeRole)
			.filter((role) => kind === 'all' || role.systemRole === (kind === 'system'));
		return paging.returnAll ? roles : roles.slice(0, paging.limit);
	});
}
