import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as get from './get.operation';
import * as update from './update.operation';

export { create, get, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['candidate'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Create a candidate', action: 'Create a candidate' },
			{ name: 'Get', value: 'get', description: 'Get a candidate by ID or remote ID', action: 'Get a candidate' },
			{
				name: 'Update',
				value: 'update',
				description: 'Change some fields of a candidate, keeping the others',
				action: 'Update a candidate',
			},
		],
		default: 'get',
	},
	...create.description,
	...get.description,
	...update.description,
];
