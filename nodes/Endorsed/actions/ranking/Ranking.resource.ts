import type { INodeProperties } from 'n8n-workflow';

import * as getForCandidate from './getForCandidate.operation';
import * as getManyForJob from './getManyForJob.operation';
import * as search from './search.operation';

export { getForCandidate, getManyForJob, search };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['ranking'] } },
		options: [
			{
				name: 'Get for Candidate',
				value: 'getForCandidate',
				description: "Get one candidate's score in a job's ranking",
				action: 'Get the ranking of a candidate',
			},
			{
				name: 'Get Many for Job',
				value: 'getManyForJob',
				description: "List a job's candidates, best first",
				action: 'Get the ranking of a job',
			},
			{
				name: 'Search',
				value: 'search',
				description: 'Rank candidates by a text, or by how much they are like a candidate or an attachment',
				action: 'Search candidates by ranking',
			},
		],
		default: 'getManyForJob',
	},
	...getForCandidate.description,
	...getManyForJob.description,
	...search.description,
];
