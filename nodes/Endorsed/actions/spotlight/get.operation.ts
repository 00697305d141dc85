import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { forEachItem } from '../../../shared/forEachItem';
import { readReference, resolveRecordId } from '../../helpers/references';
import { endorsedApiRequest } from '../../transport';
import { recordLocator } from '../descriptions';

const properties: INodeProperties[] = [recordLocator('job'), recordLocator('candidate')];

export const description = updateDisplayOptions({ show: { resource: ['spotlight'], operation: ['get'] } }, properties);

/** Endorsed takes both records as UUIDs: one given by remote ID is looked up first (both checked before). */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await forEachItem(this, items, async (itemIndex) => {
		const job = readReference(this, 'job', itemIndex);
		const candidate = readReference(this, 'candidate', itemIndex);
		const qs = {
			job_id: await resolveRecordId(this, 'job', job, itemIndex),
			candidate_id: await resolveRecordId(this, 'candidate', candidate, itemIndex),
		};
		const { result } = await endorsedApiRequest.call(
			this,
			{ method: 'GET', path: '/spotlight', qs, action: 'read the spotlight of the candidate for the job' },
			itemIndex,
		);
		return result ?? {};
	});
}
