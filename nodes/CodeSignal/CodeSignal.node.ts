import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { testCodeSignalCredential } from '../shared/codesignal/credentialTest';
import { getTests } from '../shared/codesignal/testSelection';
import { route } from '../shared/router';
import { resources } from './actions';
import {
	searchCertifiedAssessments,
	searchFrameworks,
	searchInterviewTemplates,
	searchRoles,
	searchTests,
	searchUsers,
} from './methods/listSearch';
import { getPermissions, getTaskSets, getTestLabels } from './methods/loadOptions';

export class CodeSignal implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'CodeSignal',
		name: 'codeSignal',
		icon: { light: 'file:codesignal.svg', dark: 'file:codesignal.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Invite candidates to tests, read results and manage live interviews in CodeSignal',
		defaults: { name: 'CodeSignal' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'codeSignalApi', required: true, testedBy: 'codeSignalApiTest' }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Company', value: 'company' },
					{ name: 'Custom GraphQL', value: 'customGraphql' },
					{ name: 'Interview Template', value: 'interviewTemplate' },
					{ name: 'Live Interview', value: 'liveInterview' },
					{ name: 'Role', value: 'role' },
					{ name: 'Task', value: 'task' },
					{ name: 'Task Level', value: 'taskLevel' },
					{ name: 'Test', value: 'test' },
					{ name: 'Test Label', value: 'testLabel' },
					{ name: 'Test Session', value: 'testSession' },
					{ name: 'User', value: 'user' },
				],
				default: 'testSession',
			},
			...Object.values(resources).flatMap((resource) => resource.description),
		],
	};

	methods = {
		listSearch: {
			searchTests,
			searchInterviewTemplates,
			searchFrameworks,
			searchCertifiedAssessments,
			searchRoles,
			searchUsers,
		},
		loadOptions: { getTestLabels, getTests, getTaskSets, getPermissions },
		credentialTest: { codeSignalApiTest: testCodeSignalCredential },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this, resources);
	}
}
