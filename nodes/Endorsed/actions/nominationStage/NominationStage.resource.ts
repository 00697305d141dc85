import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as get from './get.operation';
import * as update from './update.operation';

export { create, get, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['nominationStage'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: "Add a stage to a job's pipeline, or to every job's",
				action: 'Create a nomination stage',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get a nomination stage by ID or remote ID',
				action: 'Get a nomination stage',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Change the name, order or remote ID of a nomination stage, keeping the rest',
				action: 'Update a nomination stage',
			},
		],
		default: 'create',
	},
	...create.description,
	...get.description,
	...update.description,
];
