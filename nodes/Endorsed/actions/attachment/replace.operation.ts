import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { attachmentForm, fileSourceProperties, readUploadFile } from '../../helpers/files';
import { forEachItem } from '../../../shared/forEachItem';
import { getRecord, readReference } from '../../helpers/references';
import { endorsedApiRequest } from '../../transport';
import { recordLocator } from '../descriptions';
import { attachmentTypeProperty } from './attachmentType';
import { optionsCollection } from '../../../shared/descriptions';

const properties: INodeProperties[] = [
	recordLocator('attachment'),
	...fileSourceProperties,
	optionsCollection([{ ...attachmentTypeProperty, description: 'A new type; by default the attachment keeps its type' }]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['attachment'], operation: ['replace'] } },
	properties,
);

/**
 * Uploads a new file for an existing attachment. Endorsed's PUT replaces every field, so the stored
 * candidate, type and remote ID are sent again; Endorsed then re-evaluates the candidate.
 */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await forEachItem(this, items, async (itemIndex) => {
		const stored = await getRecord(this, 'attachment', readReference(this, 'attachment', itemIndex), itemIndex);
		const file = await readUploadFile(this, itemIndex);
		const options = this.getNodeParameter('options', itemIndex) as IDataObject;
		const fields = {
			candidate_id: stored.candidate_id as string | null,
			remote_id: stored.remote_id as string,
			type: (options.type as string | undefined) ?? (stored.type as string),
		};
		await endorsedApiRequest.call(
			this,
			{
				method: 'PUT',
				path: `/attachments/${stored.id}`,
				body: attachmentForm(file, fields),
				action: 'replace the attachment',
			},
			itemIndex,
		);
		return { id: stored.id, ...fields, file_name: file.fileName };
	});
}
