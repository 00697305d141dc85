import type { INodeProperties } from 'n8n-workflow';

export const tagTypeOptions = [
	{ name: 'Experience-Based Role Title', value: 'experience_based_role_title' },
	{ name: 'Preferred Role Title', value: 'preferred_role_title' },
	{ name: 'Specialty Name', value: 'specialty_name' },
];

export const tagIdProperty: INodeProperties = {
	displayName: 'Tag ID',
	name: 'tagId',
	type: 'string',
	default: '',
	required: true,
	description: 'The Endorsed ID (UUID) of the tag',
};
