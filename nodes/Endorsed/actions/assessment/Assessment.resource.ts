import type { INodeProperties } from 'n8n-workflow';

import * as push from './push.operation';

export { push };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['assessment'] } },
		options: [
			{
				name: 'Push',
				value: 'push',
				description: 'Send a scored CodeSignal assessment to Endorsed: candidate, report, job criteria and nomination',
				action: 'Push a scored assessment',
			},
		],
		default: 'push',
	},
	...push.description,
];
