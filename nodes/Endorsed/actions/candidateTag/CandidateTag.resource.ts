import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as deleteCandidateTag from './delete.operation';
import * as getMany from './getMany.operation';

export { create, deleteCandidateTag, getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['candidateTag'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Put a tag on a candidate, unless it is there already',
				action: 'Tag a candidate',
			},
			{
				name: 'Delete',
				value: 'deleteCandidateTag',
				description: 'Take a tag off a candidate',
				action: 'Remove a tag from a candidate',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'List the tags on candidates',
				action: 'Get many candidate tags',
			},
		],
		default: 'create',
	},
	...create.description,
	...deleteCandidateTag.description,
	...getMany.description,
];
