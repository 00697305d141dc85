/** One criterion of a job, as Get and Delete address it. */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readReference, recordPath } from '../../helpers/references';
import { recordLocator } from '../common.descriptions';

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

/** /jobs/{job}/criteria/{criterion} for the item's parameters. */
export function criterionPath(context: IExecuteFunctions, itemIndex: number): string {
	const criterionId = encodeURIComponent((context.getNodeParameter('criterionId', itemIndex) as string).trim());
	return `${recordPath('job', readReference(context, 'job', itemIndex))}/criteria/${criterionId}`;
}
