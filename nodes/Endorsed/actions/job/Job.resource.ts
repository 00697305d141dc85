import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as setAutoEvaluation from './setAutoEvaluation.operation';
import * as update from './update.operation';
import * as upsert from './upsert.operation';

export { get, setAutoEvaluation, update, upsert };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['job'] } },
		options: [
			{ name: 'Get', value: 'get', description: 'Get a job by ID or remote ID', action: 'Get a job' },
			{
				name: 'Set Auto Evaluation',
				value: 'setAutoEvaluation',
				description: 'Choose whether Endorsed nominates and evaluates candidates for a job on its own',
				action: 'Set auto evaluation of a job',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Change some fields of a job, keeping the others; never creates one',
				action: 'Update a job',
			},
			{
				name: 'Create or Update',
				value: 'upsert',
				description: 'Create a new record, or update the current one if it already exists (upsert)',
				action: 'Create or update a job',
			},
		],
		default: 'get',
	},
	...get.description,
	...setAutoEvaluation.description,
	...update.description,
	...upsert.description,
];
