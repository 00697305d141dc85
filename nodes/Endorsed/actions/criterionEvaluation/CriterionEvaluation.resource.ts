import type { INodeProperties } from 'n8n-workflow';

import * as getMany from './getMany.operation';

export { getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['criterionEvaluation'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'Get how Endorsed judged each criterion of a job for a nomination',
				action: 'Get the criterion evaluations of a nomination',
			},
		],
		default: 'getMany',
	},
	...getMany.description,
];
