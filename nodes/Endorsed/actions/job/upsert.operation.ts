import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { referenceSegment } from '../../helpers/recordReference';
import { forEachItem } from '../../../shared/forEachItem';
import { endorsedApiRequest } from '../../transport';
import { additionalFieldsCollection } from '../../../shared/descriptions';
import { remoteIdProperty } from '../descriptions';
import { descriptionProperty, jobBody, optionalJobFields, statusProperty, titleProperty } from './jobFields';

const properties: INodeProperties[] = [
	{
		...remoteIdProperty('job'),
		description: 'Your own stable ID for the job: the job with this remote ID is updated, or created',
	},
	{ ...titleProperty, required: true },
	{ ...descriptionProperty, required: true },
	statusProperty,
	additionalFieldsCollection(optionalJobFields),
];

export const description = updateDisplayOptions({ show: { resource: ['job'], operation: ['upsert'] } }, properties);

function jobFields(context: IExecuteFunctions, itemIndex: number): IDataObject {
	return jobBody({
		...(context.getNodeParameter('additionalFields', itemIndex) as IDataObject),
		title: context.getNodeParameter('title', itemIndex),
		description: context.getNodeParameter('description', itemIndex),
		status: context.getNodeParameter('status', itemIndex),
	});
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
