import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as deleteRole from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export { create, deleteRole as delete, get, getAll, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['role'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Create a company role with a set of permissions',
				action: 'Create a role',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a company role permanently',
				action: 'Delete a role',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get a role and its permissions',
				action: 'Get a role',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'Get many roles',
				action: 'Get many roles',
			},
			{
				name: 'Update',
				value: 'update',
				description: "Overwrite a company role's title or its whole permission list",
				action: 'Update a role',
			},
		],
		default: 'get',
	},
	...create.description,
	...deleteRole.description,
	...get.description,
	...getAll.description,
	...update.description,
];
