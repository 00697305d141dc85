import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as deleteJobTag from './delete.operation';
import * as getMany from './getMany.operation';

export { create, deleteJobTag, getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['jobTag'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Put a tag on a job, unless it is there already',
				action: 'Tag a job',
			},
			{
				name: 'Delete',
				value: 'deleteJobTag',
				description: 'Take a tag off a job',
				action: 'Remove a tag from a job',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'List the tags on jobs',
				action: 'Get many job tags',
			},
		],
		default: 'create',
	},
	...create.description,
	...deleteJobTag.description,
	...getMany.description,
];
