import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { forEachItem } from '../../../shared/forEachItem';
import { endorsedApiRequest } from '../../transport';
import { remoteIdProperty } from '../descriptions';
import { candidateChanges, candidateFieldOptions } from './candidateInput';
import { additionalFieldsCollection } from '../../../shared/descriptions';

const properties: INodeProperties[] = [
	remoteIdProperty('candidate'),
	{
		displayName: 'First Name',
		name: 'firstName',
		type: 'string',
		default: '',
		required: true,
	},
	additionalFieldsCollection(candidateFieldOptions),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['candidate'], operation: ['create'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await forEachItem(this, items, async (itemIndex) => {
		const fields = this.getNodeParameter('additionalFields', itemIndex) as IDataObject;
		const body = {
			...candidateChanges({ ...fields, firstName: this.getNodeParameter('firstName', itemIndex) }),
			remote_id: (this.getNodeParameter('remoteId', itemIndex) as string).trim(),
		};
		const { result } = await endorsedApiRequest.call(
			this,
			{ method: 'POST', path: '/candidates', body, action: 'create the candidate' },
			itemIndex,
		);
		return { ...body, ...result };
	});
}
