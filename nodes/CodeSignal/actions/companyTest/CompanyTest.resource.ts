import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as createFromFramework from './createFromFramework.operation';
import * as duplicate from './duplicate.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getAllCertifiedAssessments from './getAllCertifiedAssessments.operation';
import * as getAllFrameworks from './getAllFrameworks.operation';
import * as getStandardizedTest from './getStandardizedTest.operation';
import * as getTaskStatistics from './getTaskStatistics.operation';
import * as update from './update.operation';

export {
	create,
	createFromFramework,
	duplicate,
	get,
	getAll,
	getAllCertifiedAssessments,
	getAllFrameworks,
	getStandardizedTest,
	getTaskStatistics,
	update,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['test'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Create a test from tasks',
				action: 'Create a test',
			},
			{
				name: 'Create From Certified Assessment',
				value: 'createFromFramework',
				description: 'Create a proctored Pre-Screen test from a certified assessment framework',
				action: 'Create a test from a certified assessment',
			},
			{
				name: 'Duplicate',
				value: 'duplicate',
				description: 'Copy a test with its tasks and settings, changing the fields given',
				action: 'Duplicate a test',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get a test',
				action: 'Get a test',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'Get many tests',
				action: 'Get many tests',
			},
			{
				name: 'Get Many Certified Assessments',
				value: 'getAllCertifiedAssessments',
				description: 'Get the certified assessments a test can be created from',
				action: 'Get many certified assessments',
			},
			{
				name: 'Get Many Frameworks',
				value: 'getAllFrameworks',
				description: 'Get the certified assessment frameworks that Create From Certified Assessment builds a test on',
				action: 'Get many certified assessment frameworks',
			},
			{
				name: 'Get Standardized Test',
				value: 'getStandardizedTest',
				description: 'Get a certified assessment (standardized test) with its framework',
				action: 'Get a standardized test',
			},
			{
				name: 'Get Task Statistics',
				value: 'getTaskStatistics',
				description: 'For each task of a test, how finished sessions scored on it (question difficulty)',
				action: 'Get task statistics of a test',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Change a test; the fields given overwrite the test\'s, tasks and labels as a whole list',
				action: 'Update a test',
			},
		],
		default: 'get',
	},
	...create.description,
	...createFromFramework.description,
	...duplicate.description,
	...get.description,
	...getAll.description,
	...getAllCertifiedAssessments.description,
	...getAllFrameworks.description,
	...getStandardizedTest.description,
	...getTaskStatistics.description,
	...update.description,
];
