import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as deleteTemplate from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export { create, deleteTemplate as delete, get, getAll, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['interviewTemplate'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Create an interview template: its tasks and feedback form',
				action: 'Create an interview template',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete an interview template permanently',
				action: 'Delete an interview template',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get an interview template',
				action: 'Get an interview template',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'Get many interview templates',
				action: 'Get many interview templates',
			},
			{
				name: 'Update',
				value: 'update',
				description: "Change an interview template; a task list or feedback form given replaces the template's",
				action: 'Update an interview template',
			},
		],
		default: 'get',
	},
	...create.description,
	...deleteTemplate.description,
	...get.description,
	...getAll.description,
	...update.description,
];
