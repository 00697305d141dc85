import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { mergeCandidate, writableFields } from '../../helpers/candidates';
import { forEachItem } from '../../../shared/forEachItem';
import { updateFieldsCollection } from '../../../shared/descriptions';
import { getRecord, readReference } from '../../helpers/references';
import { endorsedApiRequest } from '../../transport';
import { recordLocator } from '../descriptions';
import { candidateChanges, candidateFieldOptions } from './candidateInput';

const properties: INodeProperties[] = [
	recordLocator('candidate'),
	updateFieldsCollection(
		[
			...candidateFieldOptions,
			{ displayName: 'First Name', name: 'firstName', type: 'string', default: '' } as INodeProperties,
		].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['candidate'], operation: ['update'] } },
	properties,
);

/**
 * Endorsed's PUT replaces the whole candidate, so the update reads it first and sends it back with the
 * requested changes: fields not mentioned keep their values. Nothing is written when nothing changes.
 */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await forEachItem(this, items, async (itemIndex) => {
		const fields = this.getNodeParameter('updateFields', itemIndex) as IDataObject;
		if (!Object.keys(fields).length) {
			throw new NodeOperationError(this.getNode(), 'No field to update was given', {
				itemIndex,
				description: 'Add at least one field under "Update Fields"',
			});
		}
		const stored = await getRecord(this, 'candidate', readReference(this, 'candidate', itemIndex), itemIndex);
		const { body, changed } = mergeCandidate(stored, candidateChanges(fields, writableFields(stored)));
		if (changed) {
			await endorsedApiRequest.call(
				this,
				{ method: 'PUT', path: `/candidates/${stored.id}`, body: body as IDataObject, action: 'update the candidate' },
				itemIndex,
			);
		}
		return { id: stored.id, ...body, updated: changed };
	});
}
