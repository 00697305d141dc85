import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { attachmentForm, fileSourceProperties, readUploadFile } from '../../helpers/files';
import { forEachItem } from '../../../shared/forEachItem';
import { resolveParameterRecordId } from '../../helpers/references';
import { endorsedApiRequest } from '../../transport';
import { recordLocator, remoteIdProperty } from '../descriptions';
import { attachmentTypeProperty } from './attachmentType';

const properties: INodeProperties[] = [
	recordLocator('candidate', { description: 'The candidate the file is about' }),
	remoteIdProperty('attachment'),
	attachmentTypeProperty,
	...fileSourceProperties,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['attachment'], operation: ['upload'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await forEachItem(this, items, async (itemIndex) => {
		const candidateId = await resolveParameterRecordId(this, 'candidate', itemIndex);
		const file = await readUploadFile(this, itemIndex);
		const fields = {
			candidate_id: candidateId,
			remote_id: (this.getNodeParameter('remoteId', itemIndex) as string).trim(),
			type: this.getNodeParameter('type', itemIndex) as string,
		};
		const { result } = await endorsedApiRequest.call(
			this,
			{ method: 'POST', path: '/attachments', body: attachmentForm(file, fields), action: 'upload the attachment' },
			itemIndex,
		);
		return { ...result, ...fields, file_name: file.fileName };
	});
}
