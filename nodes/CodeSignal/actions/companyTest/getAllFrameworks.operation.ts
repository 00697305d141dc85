import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { collectList, reportNullEntries } from '../../../shared/codesignal/lists';
import type { GraphqlOperation } from '../../../shared/codesignal/transport';
import { filtersCollection, returnAllAndLimit } from '../../../shared/descriptions';
import { FRAMEWORK_FIELDS, normalizeFramework, type RawFramework } from '../../helpers/tests';
import { getCollection, getPaging } from '../readParameters';
import { runPerItem } from '../runPerItem';

export const document: GraphqlOperation = {
	name: 'ListFrameworks',
	action: 'list the certified assessment frameworks',
	document: /* GraphQL */ `
		query ListFrameworks($search: String, $first: Int!, $offset: Int) {
			frameworks(globalFilter: $search, first: $first, offset: $offset) {
				frameworks { ${FRAMEWORK_FIELDS} }
				pageInfo { hasNextPage }
			}
		}
	`,
};

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['test'], operation: ['getAllFrameworks'] } },
	[
		...returnAllAndLimit,
		filtersCollection([
			{
				displayName: 'Search',
				name: 'search',
				type: 'string',
				default: '',
				description: 'Only frameworks whose title contains this text',
			},
		]),
	],
);

/** Each with the ID that Create From Certified Assessment takes as its framework. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, async (client, itemIndex) => {
		const search = String(getCollection.call(this, 'filters', itemIndex).search ?? '').trim();
		const frameworks = await collectList<RawFramework & { id: string }>(
			client,
			document,
			{ search: search || undefined },
			{ field: 'frameworks', items: 'frameworks' },
			{
				...getPaging.call(this, itemIndex),
				itemIndex,
				idOf: (framework) => framework.id,
				onNulls: reportNullEntries(this.logger, 'certified assessment frameworks'),
			},
		);
		return frameworks.map(normalizeFramework);
	});
}
