import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { customOperation } from '../../helpers/customGraphql';
import { parseJsonObject } from '../../../shared/inputs';
import { runPerItem } from '../runPerItem';

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['customGraphql'], operation: ['execute'] } },
	[
		{
			displayName: 'Query',
			name: 'query',
			type: 'string',
			required: true,
			default: '',
			typeOptions: { rows: 10 },
			placeholder: 'query { company { name } }',
			description:
				'A GraphQL query or mutation. It is checked against CodeSignal\'s published schema before it is sent.',
		},
		{
			displayName: 'Variables',
			name: 'variables',
			type: 'json',
			default: '{}',
			description: 'The variables of the query, as a JSON object',
		},
	],
);

/** The query's `data` is the output item. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, async (client, itemIndex) => {
		const operation = customOperation(String(this.getNodeParameter('query', itemIndex, '')));
		const variables = parseJsonObject(this.getNodeParameter('variables', itemIndex, '{}'), 'Variables');
		return (await client.request<object | null>(operation, variables, { itemIndex })) ?? {};
	});
}
