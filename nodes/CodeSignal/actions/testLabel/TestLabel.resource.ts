import type { INodeProperties } from 'n8n-workflow';

import * as getAll from './getAll.operation';

export { getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['testLabel'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'Get many test labels',
				action: 'Get many test labels',
			},
		],
		default: 'getAll',
	},
	...getAll.description,
];
