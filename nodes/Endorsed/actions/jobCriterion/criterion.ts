/** One criterion of a job, as Get and Delete address it. */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readReference, recordPath, requiredText } from '../../helpers/references';
import { recordLocator } from '../descriptions';

export const criterionProperties: INodeProperties[] = [
	recordLocator('job'),
	{
		displayName: 'Criterion ID',
		name: 'criterionId',
		type: 'string',
		default: '',
		required: true,
		description: 'The Endorsed ID of the criterion (criteria cannot be changed: delete one and create another)',
	},
];

/** /jobs/{job}/criteria/{criterion} for the item's parameters (without an ID it would be the job's list). */
export function criterionPath(context: IExecuteFunctions, itemIndex: number): string {
	const job = readReference(context, 'job', itemIndex);
	const criterionId = requiredText(context, 'criterionId', itemIndex);
	return `${recordPath('job', job)}/criteria/${encodeURIComponent(criterionId)}`;
}
