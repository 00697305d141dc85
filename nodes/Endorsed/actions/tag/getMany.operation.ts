import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { forEachItem } from '../../../shared/forEachItem';
import { endorsedApiRequest } from '../../transport';
import { limitResults } from '../descriptions';
import { filtersCollection, returnAllAndLimit } from '../../../shared/descriptions';
import { tagTypeOptions } from './tagType';

const properties: INodeProperties[] = [
	...returnAllAndLimit,
	filtersCollection([
		{ displayName: 'Tag Type', name: 'tagType', type: 'options', options: tagTypeOptions, default: 'specialty_name' },
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['tag'], operation: ['getMany'] } }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await forEachItem(this, items, async (itemIndex) => {
		const { tagType } = this.getNodeParameter('filters', itemIndex) as IDataObject;
		const { results } = await endorsedApiRequest.call(
			this,
			{ method: 'GET', path: '/tags', qs: tagType ? { tag_type: tagType } : undefined, action: 'list the tags' },
			itemIndex,
		);
		return limitResults(this, itemIndex, results ?? []);
	});
}
