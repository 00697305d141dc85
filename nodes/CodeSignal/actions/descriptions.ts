/** Parameters that several operations of the CodeSignal node share. */
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

/**
 * `searchable: false` where CodeSignal's list cannot be searched: n8n then filters what it loaded.
 * `typedModes` are the ways to give the record other than the list (by default its 17-character ID).
 */
function locator(
	displayName: string,
	name: string,
	searchListMethod: string,
	description: string,
	{ searchable = true, typedModes = [BY_ID] }: { searchable?: boolean; typedModes?: TypedMode[] } = {},
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
	{ searchable: false },
);

/** Role keys are human-readable ("recruiter"), not 17-character IDs. */
export const roleLocator = locator('Role', 'role', 'searchRoles', 'The membership role', {
	typedModes: [{ displayName: 'By Key', name: 'id', placeholder: 'e.g. recruiter' }],
});

export const userLocator = locator('User', 'user', 'searchUsers', 'A member of the company', {
	typedModes: [BY_ID, { displayName: 'By Username', name: 'username', placeholder: 'e.g. morgan.lee' }],
});

/**
 * A "Company ID" option for a collection: the `companyId` argument several fields take, the API key's own
 * company unless a partner key names another (read with readParameters' companyIdOf). `what` completes
 * "The company …", e.g. "whose roles to list".
 */
export function companyIdOption(what: string): INodeProperties {
	return {
		displayName: 'Company ID',
		name: 'companyId',
		type: 'string',
		default: '',
		description: `The company ${what}; by default the API key's own (another company's needs a partner key)`,
	};
}

/** Parameters of the test-session operations. */
export const sessionIdProperty: INodeProperties = {
	displayName: 'Test Session ID',
	name: 'sessionId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 7hTqPz2mXcR4bLk9W',
	description: 'The ID of the test session (the candidate\'s invitation to a test)',
};

export const finishedAfterFilter: INodeProperties = {
	displayName: 'Finished After',
	name: 'finishedAfter',
	type: 'dateTime',
	default: '',
	description: 'Only sessions finished at or after this time (in the workflow\'s time zone unless the value has an offset)',
};

export const finishedBeforeFilter: INodeProperties = {
	displayName: 'Finished Before',
	name: 'finishedBefore',
	type: 'dateTime',
	default: '',
	description: 'Only sessions finished before this time',
};

export const statusFilter: INodeProperties = {
	displayName: 'Status',
	name: 'statuses',
	type: 'multiOptions',
	default: [],
	options: [
		{ name: 'Active', value: 'active' },
		{ name: 'Archived', value: 'archived' },
		{ name: 'Declined', value: 'declined' },
		{ name: 'Deleted', value: 'deleted' },
		{ name: 'Deleted for Privacy', value: 'deletedForPii' },
		{ name: 'Expired', value: 'expired' },
		{ name: 'Finalizing', value: 'finalizing' },
		{ name: 'Finished', value: 'over' },
		{ name: 'Grace Period', value: 'gracePeriod' },
		{ name: 'Pending', value: 'pending' },
	],
	description: 'Only sessions in one of these statuses',
};

export const remindersProperty: INodeProperties = {
	displayName: 'Reminders',
	name: 'reminders',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	default: {},
	placeholder: 'Add Reminder',
	description: 'E-mails that remind the candidate before the invitation expires',
	options: [
		{
			displayName: 'Reminder',
			name: 'reminder',
			values: [
				{
					displayName: 'Hours Before Expiration',
					name: 'hoursBeforeExpiration',
					type: 'number',
					default: 24,
					typeOptions: { minValue: 1 },
					description: 'When to send the reminder',
				},
				{
					displayName: 'Template Name',
					name: 'templateName',
					type: 'string',
					default: '',
					required: true,
					description: 'The name of one of the test\'s reminder e-mail templates (see "Reminder Templates" in Test → Get)',
				},
			],
		},
	],
};

const notifyCandidate: INodeProperties = {
	displayName: 'Notify Candidate',
	name: 'sendNotificationEmail',
	type: 'boolean',
	default: false,
};

/** Whether CodeSignal e-mails the candidate about a change to their invitation. */
export const notifyCandidateOption = (notifyByDefault: boolean, description: string): INodeProperties => ({
	...notifyCandidate,
	default: notifyByDefault,
	description,
});
