import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getTaskStatistics from './getTaskStatistics.operation';

export { get, getAll, getTaskStatistics };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['test'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description: 'Get a test',
				action: 'Get a test',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'Get many tests',
				action: 'Get many tests',
			},
			{
				name: 'Get Task Statistics',
				value: 'getTaskStatistics',
				description: 'For each task of a test, how finished sessions scored on it (question difficulty)',
				action: 'Get task statistics of a test',
			},
		],
		default: 'get',
	},
	...get.description,
	...getAll.description,
	...getTaskStatistics.description,
];
