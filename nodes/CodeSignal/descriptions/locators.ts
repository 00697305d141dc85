/** Pick lists of CodeSignal records: chosen from a searchable list loaded from the API, or given by ID. */
import type { INodeProperties } from 'n8n-workflow';

const ID_VALIDATION = [
	{
		type: 'regex' as const,
		properties: { regex: '[A-Za-z0-9_-]+', errorMessage: 'A CodeSignal ID is made of letters and digits' },
	},
];

function locator(displayName: string, name: string, searchListMethod: string, description: string): INodeProperties {
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
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 5ZqLk3hJdyfR2cTbQ',
				validation: ID_VALIDATION,
			},
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
