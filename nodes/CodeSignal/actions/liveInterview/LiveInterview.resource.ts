import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as deleteInterview from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getFeedback from './getFeedback.operation';
import * as update from './update.operation';

export { create, deleteInterview as delete, get, getAll, getFeedback, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['liveInterview'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Schedule a live interview with a candidate',
				action: 'Create a live interview',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a live interview',
				action: 'Delete a live interview',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get a live interview',
				action: 'Get a live interview',
			},
			{
				name: 'Get Feedback',
				value: 'getFeedback',
				description: 'Get the interviewers\' feedback, optionally anonymized for blind review',
				action: 'Get the feedback of a live interview',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'Get many live interviews',
				action: 'Get many live interviews',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Update a pending or active live interview',
				action: 'Update a live interview',
			},
		],
		default: 'get',
	},
	...create.description,
	...deleteInterview.description,
	...get.description,
	...getAll.description,
	...getFeedback.description,
	...update.description,
];
