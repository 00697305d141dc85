/** Pick lists of CodeSignal records: chosen from a searchable list loaded from the API, or given by ID. */
import type { INodeProperties } from 'n8n-workflow';

const ID_VALIDATION = [
	{
		type: 'regex' as const,
		properties: { regex: '[A-Za-z0-9_-]+', errorMessage: 'A CodeSignal ID is made of letters and digits' },
	},
];

/** A mode that takes the record's identifier as typed. */
interface TypedMode {
	displayName: string;
	name: string;
	placeholder: string;
	validation?: typeof ID_VALIDATION;
}

const BY_ID: TypedMode = { displayName: 'By ID', name: 'id', placeholder: 'e.g. 5ZqLk3hJdyfR2cTbQ', validation: ID_VALIDATION };

function locator(
	displayName: string,
	name: string,
	searchListMethod: string,
	description: string,
	typedModes: TypedMode[] = [BY_ID],
): INodeProperties {
	return {
		displayName,
		name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod, searchable: true },
			},
			...typedModes.map((mode) => ({ ...mode, type: 'string' as const })),
		],
	};
}

export const testLocator = locator('Test', 'test', 'searchTests', 'The CodeSignal test (assessment)');

export const interviewTemplateLocator = locator(
	'Interview Template',
	'interviewTemplate',
	'searchInterviewTemplates',
	'The template that sets the tasks and the feedback form of the interview',
);

/** Role keys are human-readable ("recruiter"), not 17-character IDs. */
export const roleLocator = locator('Role', 'role', 'searchRoles', 'The membership role', [
	{ displayName: 'By Key', name: 'id', placeholder: 'e.g. recruiter' },
]);

export const userLocator = locator('User', 'user', 'searchUsers', 'A member of the company', [
	BY_ID,
	{ displayName: 'By Username', name: 'username', placeholder: 'e.g. morgan.lee' },
]);
