import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { forEachItem } from '../../../shared/forEachItem';
import { updateFieldsCollection } from '../../../shared/descriptions';
import { readReference, recordPath } from '../../helpers/references';
import { endorsedApiRequest } from '../../transport';
import { recordLocator } from '../descriptions';
import { descriptionProperty, jobBody, optionalJobFields, statusProperty, titleProperty } from './jobFields';

const properties: INodeProperties[] = [
	recordLocator('job'),
	updateFieldsCollection(
		[...optionalJobFields, descriptionProperty, statusProperty, titleProperty].sort((a, b) =>
			a.displayName.localeCompare(b.displayName),
		),
	),
];

export const description = updateDisplayOptions({ show: { resource: ['job'], operation: ['update'] } }, properties);

/** PATCH: the fields given change, the others keep their values; an unknown job is an error, never created. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await forEachItem(this, items, async (itemIndex) => {
		const job = readReference(this, 'job', itemIndex);
		const fields = jobBody(this.getNodeParameter('updateFields', itemIndex) as IDataObject);
		if (!Object.keys(fields).length) {
			throw new NodeOperationError(this.getNode(), 'No field to update was given', {
				itemIndex,
				description: 'Add at least one field under "Update Fields"',
			});
		}
		const { result } = await endorsedApiRequest.call(
			this,
			{ method: 'PATCH', path: recordPath('job', job), body: fields, action: 'update the job' },
			itemIndex,
		);
		return { ...result, ...fields };
	});
}
