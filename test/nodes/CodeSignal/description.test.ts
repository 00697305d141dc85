import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { CodeSignal } from '../../../nodes/CodeSignal/CodeSignal.node';
import { testCodeSignalCredential } from '../../../nodes/shared/codesignal/credentialTest';
import { executeNode } from '../../helpers/n8n';

const node = new CodeSignal();
const { properties } = node.description;

const resourceOptions = (properties.find((property) => property.name === 'resource')!.options as INodePropertyOptions[]).map(
	(option) => option.value as string,
);

function operationsOf(resource: string): string[] {
	const operation = properties.find(
		(property) => property.name === 'operation' && property.displayOptions?.show?.resource?.includes(resource),
	)!;
	return (operation.options as INodePropertyOptions[]).map((option) => option.value as string);
}

function allProperties(list: INodeProperties[]): INodeProperties[] {
	return list.flatMap((property) => [
		property,
		...allProperties(((property.options ?? []) as INodeProperties[]).filter((option) => 'type' in option)),
		...((property.options ?? []) as Array<{ values?: INodeProperties[] }>).flatMap((option) => allProperties(option.values ?? [])),
	]);
}

describe('CodeSignal node description', () => {
	it('is usable as an AI tool, shows operation and resource as subtitle and tests its credential', () => {
		expect(node.description.usableAsTool).toBe(true);
		expect(node.description.subtitle).toBe('={{$parameter["operation"] + ": " + $parameter["resource"]}}');
		expect(node.description.credentials).toEqual([{ name: 'codeSignalApi', required: true, testedBy: 'codeSignalApiTest' }]);
		expect(node.methods.credentialTest.codeSignalApiTest).toBe(testCodeSignalCredential);
	});

	it('offers the resources and operations of the issue', () => {
		expect(Object.fromEntries(resourceOptions.map((resource) => [resource, operationsOf(resource)]))).toEqual({
			company: ['get'],
			customGraphql: ['execute'],
			interviewTemplate: ['create', 'delete', 'get', 'getAll', 'update'],
			liveInterview: ['create', 'delete', 'get', 'getFeedback', 'getAll', 'update'],
			role: ['create', 'delete', 'get', 'getAll', 'update'],
			task: [
				'addToSets',
				'create',
				'get',
				'getAllCodeSignalCreated',
				'getAllSets',
				'removeFromSets',
				'setInitialSource',
				'unsetInitialSource',
				'update',
			],
			taskLevel: ['get'],
			test: [
				'create',
				'createFromFramework',
				'duplicate',
				'get',
				'getAll',
				'getAllCertifiedAssessments',
				'getAllFrameworks',
				'getStandardizedTest',
				'getTaskStatistics',
				'update',
			],
			testLabel: ['getAll'],
			testSession: [
				'appendVerificationNote',
				'archive',
				'create',
				'delete',
				'extendExpiration',
				'get',
				'getByAtsId',
				'getFinishedBetween',
				'getAll',
				'getStandardized',
				'gradeTask',
				'markAsGraded',
				'reactivate',
				'resend',
				'setDuration',
				'setReminders',
				'unarchive',
			],
			user: ['get'],
		});
	});

	it('has a pick-list method for every searchable list', () => {
		const methods = allProperties(properties)
			.flatMap((property) => property.modes ?? [])
			.map((mode) => mode.typeOptions?.searchListMethod)
			.filter(Boolean);
		expect(new Set(methods)).toEqual(
			new Set([
				'searchTests',
				'searchInterviewTemplates',
				'searchFrameworks',
				'searchCertifiedAssessments',
				'searchRoles',
				'searchUsers',
			]),
		);
		for (const method of methods) expect(node.methods.listSearch).toHaveProperty(method as string);
		const loaders = allProperties(properties).map((property) => property.typeOptions?.loadOptionsMethod).filter(Boolean);
		for (const loader of loaders) expect(node.methods.loadOptions).toHaveProperty(loader as string);
	});

	it('refuses an operation it does not know instead of doing something else', async () => {
		await expect(
			executeNode({ nodeType: node, parameters: { resource: 'testSession', operation: 'teleport' } }),
		).rejects.toThrow('The operation "teleport" is not supported for "testSession"');
	});
});
