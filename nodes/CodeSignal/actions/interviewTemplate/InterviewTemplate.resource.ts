import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as getAll from './getAll.operation';

export { get, getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['interviewTemplate'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description: 'Get an interview template',
				action: 'Get an interview template',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'Get many interview templates',
				action: 'Get many interview templates',
			},
		],
		default: 'get',
	},
	...get.description,
	...getAll.description,
];
