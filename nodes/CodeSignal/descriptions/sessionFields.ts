/** Parameters that several test-session operations share. */
import type { INodeProperties } from 'n8n-workflow';

export const sessionIdProperty: INodeProperties = {
	displayName: 'Test Session ID',
	name: 'sessionId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 7hTqPz2mXcR4bLk9W',
	description: 'The ID of the test session (the candidate\'s invitation to a test)',
};

export const sessionDetailProperty: INodeProperties = {
	displayName: 'Detail',
	name: 'detail',
	type: 'options',
	default: 'results',
	options: [
		{
			name: 'Full',
			value: 'full',
			description: 'Results with each task\'s description, solution sources and core skill scores',
		},
		{
			name: 'Summary',
			value: 'summary',
			description: 'Status, candidate, test and dates, without results',
		},
		{
			name: 'With Results',
			value: 'results',
			description: 'Summary plus score, coding score, solved tasks, languages and per-task results',
		},
	],
	description: 'How much of each session to read',
};

/** The output option every session-reading operation offers. */
export const includeResultUrlOption: INodeProperties = {
	displayName: 'Include Result URL (Contains Access Token)',
	name: 'includeResultUrl',
	type: 'boolean',
	default: false,
	description:
		'Whether to add the link to the result report. It carries an access token: anyone with the link can see the result, so leave it off unless the next step needs it.',
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

export const pageSizeOption: INodeProperties = {
	displayName: 'Page Size',
	name: 'pageSize',
	type: 'number',
	default: 20,
	typeOptions: { minValue: 1 },
	description:
		'Sessions per request. CodeSignal is reported to cap session lists at 20; lower it only if CodeSignal refuses a page as too costly.',
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
