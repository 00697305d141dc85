import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { testCodeSignalCredential } from '../shared/codesignal/credentialTest';
import * as company from './actions/company/Company.resource';
import * as customGraphql from './actions/customGraphql/CustomGraphql.resource';
import * as interviewTemplate from './actions/interviewTemplate/InterviewTemplate.resource';
import * as liveInterview from './actions/liveInterview/LiveInterview.resource';
import * as role from './actions/role/Role.resource';
import { router } from './actions/router';
import * as taskLevel from './actions/taskLevel/TaskLevel.resource';
import * as test from './actions/test/Test.resource';
import * as testLabel from './actions/testLabel/TestLabel.resource';
import * as testSession from './actions/testSession/TestSession.resource';
import * as user from './actions/user/User.resource';
import { searchInterviewTemplates, searchRoles, searchTests, searchUsers } from './methods/listSearch';
import { getPermissions, getTestLabels } from './methods/loadOptions';
import { getTests } from '../shared/codesignal/sync/testSelection';

export class CodeSignal implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'CodeSignal',
		name: 'codeSignal',
		icon: 'file:codesignal.svg',
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Invite candidates to tests, read results and manage live interviews in CodeSignal',
		defaults: { name: 'CodeSignal' },
		usableAsTool: true,
		inputs: ['main'],
		outputs: ['main'],
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
					{ name: 'Task Level', value: 'taskLevel' },
					{ name: 'Test', value: 'test' },
					{ name: 'Test Label', value: 'testLabel' },
					{ name: 'Test Session', value: 'testSession' },
					{ name: 'User', value: 'user' },
				],
				default: 'testSession',
			},
			...company.description,
			...customGraphql.description,
			...interviewTemplate.description,
			...liveInterview.description,
			...role.description,
			...taskLevel.description,
			...test.description,
			...testLabel.description,
			...testSession.description,
			...user.description,
		],
	};

	methods = {
		listSearch: { searchTests, searchInterviewTemplates, searchRoles, searchUsers },
		loadOptions: { getTestLabels, getTests, getPermissions },
		credentialTest: { codeSignalApiTest: testCodeSignalCredential },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
