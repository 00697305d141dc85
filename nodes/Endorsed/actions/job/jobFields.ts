/** The job fields that Create or Update and Update share, and the body Endorsed takes for them. */
import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { autoEvaluationProperty, autoEvaluationValue } from './autoEvaluation';

export const titleProperty: INodeProperties = { displayName: 'Title', name: 'title', type: 'string', default: '' };

export const descriptionProperty: INodeProperties = {
	displayName: 'Description',
	name: 'description',
	type: 'string',
	typeOptions: { rows: 4 },
	default: '',
};

export const statusProperty: INodeProperties = {
	displayName: 'Status',
	name: 'status',
	type: 'options',
	options: [
		{ name: 'Archived', value: 'archived' },
		{ name: 'Closed', value: 'closed' },
		{ name: 'Open', value: 'open' },
	],
	default: 'open',
};

/** Sorted by display name, as n8n lists a collection's options. */
export const optionalJobFields: INodeProperties[] = [
	autoEvaluationProperty,
	{
		displayName: 'Default Nomination Stage ID',
		name: 'defaultNominationStageId',
		type: 'string',
		default: '',
		description: 'The stage (UUID) Endorsed puts the nominations it makes itself in',
	},
	{
		displayName: 'Job Posting URLs',
		name: 'jobPostingUrls',
		type: 'string',
		default: '',
		placeholder: 'e.g. https://jobs.example.com/42',
		description: "Comma-separated links to the job's postings",
	},
];

/** An options parameter's value (an expression can give any), checked before anything is sent. */
function option(property: INodeProperties, value: unknown): string {
	const allowed = (property.options as Array<{ value: string }>).map((choice) => choice.value);
	if (!allowed.includes(value as string)) {
		throw new Error(`${property.displayName} must be one of ${allowed.join(', ')}, got "${String(value)}"`);
	}
	return value as string;
}

/** Endorsed's job fields for the parameters given (empty optional ones left out). */
export function jobBody(fields: IDataObject): IDataObject {
	const body: IDataObject = {};
	for (const name of ['title', 'description'] as const) {
		if (fields[name] !== undefined) body[name] = fields[name];
	}
	if (fields.status !== undefined) body.status = option(statusProperty, fields.status);
	if (fields.autoEvaluationBehavior !== undefined) {
		body.auto_evaluation_behavior = autoEvaluationValue(option(autoEvaluationProperty, fields.autoEvaluationBehavior));
	}
	if (fields.defaultNominationStageId) body.default_nomination_stage_id = fields.defaultNominationStageId;
	if (fields.jobPostingUrls) {
		body.job_posting_urls = (fields.jobPostingUrls as string)
			.split(',')
			.map((url) => url.trim())
			.filter(Boolean);
	}
	return body;
}
