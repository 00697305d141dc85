/** Pick lists of CodeSignal records: chosen from a searchable list loaded from the API, or given by ID. */
import type { INodeProperties } from 'n8n-workflow';

const ID_VALIDATION = [
	{
		type: 'regex' as const,
		properties: { regex: '[A-Za-z0-9_-]+', errorMessage: 'A CodeSignal ID is made of letters and digits' },
	},
];

/** `searchable: false` where CodeSignal's list cannot be searched: n8n then filters what it loaded. */
function locator(
	displayName: string,
	name: string,
	searchListMethod: string,
	description: string,
	searchable = true,
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
				typeOptions: { searchListMethod, searchable },
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

export const frameworkLocator = locator(
	'Certified Assessment',
	'framework',
	'searchFrameworks',
	'The certified assessment framework the test is built on, such as the General Coding Framework',
);

export const standardizedTestLocator = locator(
	'Certified Assessment',
	'standardizedTest',
	'searchCertifiedAssessments',
	'The certified assessment (CodeSignal\'s standardized test)',
	false,
);
