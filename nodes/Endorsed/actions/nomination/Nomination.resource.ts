import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as get from './get.operation';

export { create, get };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['nomination'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Nominate a candidate to a job',
				action: 'Create a nomination',
			},
			{ name: 'Get', value: 'get', description: 'Get a nomination by ID or remote ID', action: 'Get a nomination' },
		],
		default: 'create',
	},
	...create.description,
	...get.description,
];
