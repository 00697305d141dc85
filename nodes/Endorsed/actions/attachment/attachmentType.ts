import type { INodeProperties } from 'n8n-workflow';

export const attachmentTypeProperty: INodeProperties = {
	displayName: 'Type',
	name: 'type',
	type: 'options',
	options: [
		{ name: 'About', value: 'about', description: 'Anything about the candidate, e.g. an assessment report' },
		{ name: 'Resume', value: 'resume' },
		{ name: 'Role Preferences', value: 'role_preferences' },
		{ name: 'Work Experiences', value: 'work_experiences' },
	],
	default: 'about',
	description: 'What the file is, as Endorsed classifies attachments',
};
