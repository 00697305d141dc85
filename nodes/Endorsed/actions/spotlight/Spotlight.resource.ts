import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';

export { get };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['spotlight'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description:
					"Get Endorsed's view of a candidate for a job: evaluation state, explanation, confidence and strength",
				action: 'Get the spotlight of a candidate for a job',
			},
		],
		default: 'get',
	},
	...get.description,
];
