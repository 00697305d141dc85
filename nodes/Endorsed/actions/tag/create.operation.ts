import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { createUnlessExists } from '../../helpers/conflicts';
import { forEachItem } from '../../../shared/forEachItem';
import { endorsedApiRequest } from '../../transport';
import { tagTypeOptions } from './tagType';

const properties: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Backend Engineer',
	},
	{
		displayName: 'Tag Type',
		name: 'tagType',
		type: 'options',
		options: tagTypeOptions,
		default: 'specialty_name',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['tag'], operation: ['create'] } }, properties);

/** A tag with the same name and type already there (409) is returned instead of created. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await forEachItem(this, items, async (itemIndex) => {
		const body = {
			name: (this.getNodeParameter('name', itemIndex) as string).trim(),
			tag_type: this.getNodeParameter('tagType', itemIndex) as string,
		};
		return await createUnlessExists(
			this,
			{ method: 'POST', path: '/tags', body, action: 'create the tag' },
			async () => {
				const { results } = await endorsedApiRequest.call(
					this,
					{ method: 'GET', path: '/tags', qs: { tag_type: body.tag_type }, action: 'list the tags' },
					itemIndex,
				);
				return results?.find((tag) => tag.name === body.name);
			},
			itemIndex,
		);
	});
}
