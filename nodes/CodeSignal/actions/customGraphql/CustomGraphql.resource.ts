import type { INodeProperties } from 'n8n-workflow';

import * as execute from './execute.operation';

export { execute };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['customGraphql'] } },
		options: [
			{
				name: 'Execute',
				value: 'execute',
				description: 'Run a GraphQL query or mutation of your own',
				action: 'Execute a custom query',
			},
		],
		default: 'execute',
	},
	...execute.description,
];
