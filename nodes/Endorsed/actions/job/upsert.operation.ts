import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { referenceSegment } from '../../helpers/recordReference';
import { forEachItem } from '../../../shared/forEachItem';
import { endorsedApiRequest } from '../../transport';
import { remoteIdProperty } from '../descriptions';
import { autoEvaluationProperty, autoEvaluationValue } from './autoEvaluation';
import { additionalFieldsCollection } from '../../../shared/descriptions';

const properties: INodeProperties[] = [
	{
		...remoteIdProperty('job'),
		description: 'Your own stable ID for the job: the job with this remote ID is updated, or created',
	},
	{ displayName: 'Title', name: 'title', type: 'string', default: '', required: true },
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		required: true,
	},
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options: [
			{ name: 'Archived', value: 'archived' },
			{ name: 'Closed', value: 'closed' },
			{ name: 'Open', value: 'open' },
		],
		default: 'open',
	},
	additionalFieldsCollection([
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
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['job'], operation: ['upsert'] } }, properties);

function jobFields(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const additional = context.getNodeParameter('additionalFields', itemIndex) as IDataObject;
	const fields: IDataObject = {
		title: context.getNodeParameter('title', itemIndex),
		description: context.getNodeParameter('description', itemIndex),
		status: context.getNodeParameter('status', itemIndex),
	};
	if (additional.autoEvaluationBehavior !== undefined) {
		fields.auto_evaluation_behavior = autoEvaluationValue(additional.autoEvaluationBehavior as string);
	}
	if (additional.defaultNominationStageId) fields.default_nomination_stage_id = additional.defaultNominationStageId;
	if (additional.jobPostingUrls) {
		fields.job_posting_urls = (additional.jobPostingUrls as string)
			.split(',')
			.map((url) => url.trim())
			.filter(Boolean);
	}
	return fields;
}

/**
 * PATCH changes only the fields sent, so an existing job keeps the rest (its auto evaluation, its
 * stages); only when Endorsed has no job with the remote ID is it created, by PUT on that remote ID.
 */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await forEachItem(this, items, async (itemIndex) => {
		const remoteId = (this.getNodeParameter('remoteId', itemIndex) as string).trim();
		const path = `/jobs/${referenceSegment({ mode: 'remoteId', value: remoteId })}`;
		const fields = jobFields(this, itemIndex);
		const patched = await endorsedApiRequest.call(
			this,
			{ method: 'PATCH', path, body: fields, action: 'update the job', expected: [404] },
			itemIndex,
		);
		if (patched.status !== 404) return { ...patched.result, remote_id: remoteId, ...fields, created: false };
		const { result } = await endorsedApiRequest.call(
			this,
			{ method: 'PUT', path, body: { ...fields, remote_id: remoteId }, action: 'create the job' },
			itemIndex,
		);
		return { ...result, remote_id: remoteId, ...fields, created: true };
	});
}
