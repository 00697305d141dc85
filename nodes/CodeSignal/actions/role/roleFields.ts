/** The role fields that Create and Update share, and reading the chosen role. */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { parseList, requireText } from '../../../shared/inputs';

export const titleProperty: INodeProperties = {
	displayName: 'Title',
	name: 'title',
	type: 'string',
	default: '',
	placeholder: 'e.g. Senior Recruiter',
	description: 'The name members see for the role',
};

export const permissionsProperty: INodeProperties = {
	displayName: 'Permission Names or IDs',
	name: 'permissions',
	type: 'multiOptions',
	typeOptions: { loadOptionsMethod: 'getPermissions' },
	default: [],
	description:
		'What members with the role may do (CodeSignal\'s access types). Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

/** The key of the role chosen in the "Role" locator; keys are human-readable, so only checked for presence. */
export function getRoleKey(this: IExecuteFunctions, itemIndex: number): string {
	return requireText(this.getNodeParameter('role', itemIndex, '', { extractValue: true }), 'Role');
}

/** A permission list from a multi-options parameter or an expression (an array, or comma-separated text). */
export function toPermissions(value: unknown): string[] {
	return [...new Set(parseList(value, 'Permissions'))];
}
