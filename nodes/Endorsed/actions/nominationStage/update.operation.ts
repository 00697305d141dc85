import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { forEachItem } from '../../../shared/forEachItem';
import { updateFieldsCollection } from '../../../shared/descriptions';
import { getRecord, readReference } from '../../helpers/references';
import { endorsedApiRequest } from '../../transport';
import { recordLocator } from '../descriptions';

const properties: INodeProperties[] = [
	recordLocator('nominationStage'),
	updateFieldsCollection([
		{ displayName: 'Name', name: 'name', type: 'string', default: '' },
		{
			displayName: 'Order',
			name: 'stageOrderIndex',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 0,
			description: "The stage's place in the pipeline; each stage of a job needs its own",
		},
		{
			displayName: 'Remote ID',
			name: 'remoteId',
			type: 'string',
			default: '',
			description: 'Your own stable ID for the stage',
		},
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['nominationStage'], operation: ['update'] } },
	properties,
);

/** The stage's fields Endorsed's PUT takes: it replaces every one, so each is sent. */
const STAGE_FIELDS = ['job_id', 'name', 'stage_order_index', 'remote_id'];

/**
 * Endorsed's PUT replaces the whole stage, so the update reads it first and sends it back with the
 * requested changes; nothing is written when nothing changes.
 */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await forEachItem(this, items, async (itemIndex) => {
		const fields = this.getNodeParameter('updateFields', itemIndex) as IDataObject;
		const changes: IDataObject = {};
		if (fields.name !== undefined) changes.name = (fields.name as string).trim();
		if (fields.stageOrderIndex !== undefined) changes.stage_order_index = fields.stageOrderIndex;
		if (fields.remoteId !== undefined) changes.remote_id = (fields.remoteId as string).trim();
		if (!Object.keys(changes).length) {
			throw new NodeOperationError(this.getNode(), 'No field to update was given', {
				itemIndex,
				description: 'Add at least one field under "Update Fields"',
			});
		}
		const stored = await getRecord(
			this,
			'nominationStage',
			readReference(this, 'nominationStage', itemIndex),
			itemIndex,
		);
		const current = Object.fromEntries(STAGE_FIELDS.map((name) => [name, stored[name] ?? null])) as IDataObject;
		const body = { ...current, ...changes };
		const updated = STAGE_FIELDS.some((name) => body[name] !== current[name]);
		if (updated) {
			await endorsedApiRequest.call(
				this,
				{ method: 'PUT', path: `/nomination_stages/${stored.id}`, body, action: 'update the nomination stage' },
				itemIndex,
			);
		}
		return { id: stored.id, ...body, updated };
	});
}
