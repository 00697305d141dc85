import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { GraphqlOperation } from '../../../shared/codesignal/transport';
import { testLocator } from '../descriptions';
import { normalizeTestDetail, TEST_DETAIL_FIELDS, type RawTestDetail } from '../../helpers/tests';
import { getCollection, getId } from '../readParameters';
import { runPerItem } from '../runPerItem';
import { additionalTestFields, getTestInput, testJsonProperty } from './testInput';

export const document: GraphqlOperation = {
	name: 'DuplicateTest',
	action: 'duplicate the test',
	document: /* GraphQL */ `
		mutation DuplicateTest($id: ID!, $testFields: EditCompanyTestInput!) {
			duplicateCompanyTest(id: $id, testFields: $testFields) { ${TEST_DETAIL_FIELDS} }
		}
	`,
};

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['test'], operation: ['duplicate'] } },
	[
		{ ...testLocator, description: 'The test to copy' },
		{
			displayName: 'Title of the Copy',
			name: 'title',
			type: 'string',
			default: '',
			description: 'Unique in the company; empty lets CodeSignal name the copy',
		},
		testJsonProperty('EditCompanyTestInput'),
		additionalTestFields('title'),
	],
);

/** A new test with the original's tasks and settings, then the fields given; the original is unchanged. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, async (client, itemIndex) => {
		const id = getId.call(this, 'test', 'Test', itemIndex);
		const guided = {
			...getCollection.call(this, 'additionalFields', itemIndex),
			title: this.getNodeParameter('title', itemIndex, ''),
		};
		const testFields = getTestInput.call(this, 'EditCompanyTestInput', guided, itemIndex);
		const data = await client.request<{ duplicateCompanyTest: RawTestDetail }>(document, { id, testFields }, { itemIndex });
		return normalizeTestDetail(data.duplicateCompanyTest, this.getTimezone());
	});
}
