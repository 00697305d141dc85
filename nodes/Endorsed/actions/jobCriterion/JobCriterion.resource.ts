import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as deleteCriterion from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';

export { create, deleteCriterion, get, getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['jobCriterion'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Add a yes-or-no criterion to a job, unless the job has it already',
				action: 'Create a job criterion',
			},
			{
				name: 'Delete',
				value: 'deleteCriterion',
				description: 'Remove a criterion from a job',
				action: 'Delete a job criterion',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get one criterion of a job',
				action: 'Get a job criterion',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'List the criteria of a job',
				action: 'Get many job criteria',
			},
		],
		default: 'create',
	},
	...create.description,
	...deleteCriterion.description,
	...get.description,
	...getMany.description,
];
