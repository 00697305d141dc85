/** Parameter descriptions that more than one node of the package shows. */
import type { INodeProperties } from 'n8n-workflow';

/** "Return All" and "Limit", as every n8n list operation has them. */
export const returnAllAndLimit: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		default: 50,
		typeOptions: { minValue: 1 },
		displayOptions: { show: { returnAll: [false] } },
		description: 'Max number of results to return',
	},
];

/** How much of a CodeSignal test session to read: the Results Trigger and the session operations offer it. */
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

export const pageSizeOption: INodeProperties = {
	displayName: 'Page Size',
	name: 'pageSize',
	type: 'number',
	default: 20,
	typeOptions: { minValue: 1 },
	description:
		'Sessions per request. CodeSignal is reported to cap session lists at 20; lower it only if CodeSignal refuses a page as too costly.',
};

/** The kinds of collection every n8n node shows the same way; each holds the given fields. */
const collection =
	(displayName: string, name: string, placeholder: string) =>
	(options: INodeProperties[]): INodeProperties => ({
		displayName,
		name,
		type: 'collection',
		placeholder,
		default: {},
		options,
	});

/** "Options": settings of the operation most users leave alone. */
export const optionsCollection = collection('Options', 'options', 'Add Option');

/** "Additional Fields": optional fields of the record being written. */
export const additionalFieldsCollection = collection('Additional Fields', 'additionalFields', 'Add Field');

/** "Filters": narrowing what a list operation returns. */
export const filtersCollection = collection('Filters', 'filters', 'Add Filter');

/** "Update Fields": the fields of the record to change; those not added keep their values. */
export const updateFieldsCollection = collection('Update Fields', 'updateFields', 'Add Field');
