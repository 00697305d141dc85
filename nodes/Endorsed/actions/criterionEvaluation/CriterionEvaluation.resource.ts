import type { INodeProperties } from 'n8n-workflow';

import * as getMany from './getMany.operation';
import * as getManyForCandidate from './getManyForCandidate.operation';

export { getMany, getManyForCandidate };

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
			{
				name: 'Get Many for Candidate',
				value: 'getManyForCandidate',
				description: "Get how Endorsed judged each job's criteria for a candidate, across their nominations",
				action: 'Get the criterion evaluations of a candidate',
			},
		],
		default: 'getMany',
	},
	...getMany.description,
	...getManyForCandidate.description,
];
