import type { INodeProperties } from 'n8n-workflow';

import * as addToSets from './addToSets.operation';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getAllCodeSignalCreated from './getAllCodeSignalCreated.operation';
import * as getAllSets from './getAllSets.operation';
import * as removeFromSets from './removeFromSets.operation';
import * as setInitialSource from './setInitialSource.operation';
import * as unsetInitialSource from './unsetInitialSource.operation';
import * as update from './update.operation';

export {
	addToSets,
	create,
	get,
	getAllCodeSignalCreated,
	getAllSets,
	removeFromSets,
	setInitialSource,
	unsetInitialSource,
	update,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['task'] } },
		options: [
			{
				name: 'Add to Sets',
				value: 'addToSets',
				description: 'Add a task to task sets',
				action: 'Add a task to sets',
			},
			{
				name: 'Create',
				value: 'create',
				description: 'Create a standard, free coding, quiz, code review, database or free filesystem task',
				action: 'Create a task',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get a task',
				action: 'Get a task',
			},
			{
				name: 'Get Many CodeSignal-Created',
				value: 'getAllCodeSignalCreated',
				description: 'Search the tasks of CodeSignal\'s library by name',
				action: 'Get many tasks of the library',
			},
			{
				name: 'Get Many Task Sets',
				value: 'getAllSets',
				description: 'Get the sets tasks are grouped in',
				action: 'Get many task sets',
			},
			{
				name: 'Remove From Sets',
				value: 'removeFromSets',
				description: 'Take a task out of task sets',
				action: 'Remove a task from sets',
			},
			{
				name: 'Set Initial Source',
				value: 'setInitialSource',
				description: 'Set the code a candidate starts from in one language, replacing the code set before',
				action: 'Set the initial source of a task',
			},
			{
				name: 'Unset Initial Source',
				value: 'unsetInitialSource',
				description: 'Delete the code a candidate starts from in one language',
				action: 'Unset the initial source of a task',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Change one of the company\'s tasks; the fields given overwrite the task\'s, lists as a whole',
				action: 'Update a task',
			},
		],
		default: 'get',
	},
	...addToSets.description,
	...create.description,
	...get.description,
	...getAllCodeSignalCreated.description,
	...getAllSets.description,
	...removeFromSets.description,
	...setInitialSource.description,
	...unsetInitialSource.description,
	...update.description,
];
