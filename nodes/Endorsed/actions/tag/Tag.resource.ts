import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as deleteTag from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';

export { create, deleteTag, get, getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['tag'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Create a tag, unless it exists', action: 'Create a tag' },
			{ name: 'Delete', value: 'deleteTag', description: 'Delete a tag', action: 'Delete a tag' },
			{ name: 'Get', value: 'get', description: 'Get a tag', action: 'Get a tag' },
			{ name: 'Get Many', value: 'getMany', description: 'List tags', action: 'Get many tags' },
		],
		default: 'create',
	},
	...create.description,
	...deleteTag.description,
	...get.description,
	...getMany.description,
];
