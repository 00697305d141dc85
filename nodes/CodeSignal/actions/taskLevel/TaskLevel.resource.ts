import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';

export { get };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['taskLevel'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description: 'Get one level of a progressive task: its environments, unit tests and file changes',
				action: 'Get a task level',
			},
		],
		default: 'get',
	},
	...get.description,
];
