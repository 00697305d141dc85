import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { GraphqlOperation } from '../../../shared/codesignal/transport';
import { updateFieldsCollection } from '../../../shared/descriptions';
import { testLocator } from '../descriptions';
import { normalizeTestDetail, TEST_DETAIL_FIELDS, type RawTestDetail } from '../../helpers/tests';
import { getCollection, getId } from '../readParameters';
import { runPerItem } from '../runPerItem';
import { getTestInput, requireSomethingToUpdate, testFieldOptions, testJsonProperty } from './testInput';

export const document: GraphqlOperation = {
	name: 'UpdateTest',
	action: 'edit the test',
	document: /* GraphQL */ `
		mutation UpdateTest($id: ID!, $testFields: EditCompanyTestInput!) {
			editCompanyTest(id: $id, testFields: $testFields) { ${TEST_DETAIL_FIELDS} }
		}
	`,
};

export const description: INodeProperties[] = updateDisplayOptions({ show: { resource: ['test'], operation: ['update'] } }, [
	{ ...testLocator, description: 'The test to change' },
	testJsonProperty('EditCompanyTestInput'),
	updateFieldsCollection(testFieldOptions),
]);

/** Overwrites the fields given; Tasks and Labels replace the test's whole lists. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, async (client, itemIndex) => {
		const id = getId.call(this, 'test', 'Test', itemIndex);
		const testFields = getTestInput.call(this, 'EditCompanyTestInput', getCollection.call(this, 'updateFields', itemIndex), itemIndex);
		requireSomethingToUpdate(testFields);
		const data = await client.request<{ editCompanyTest: RawTestDetail }>(document, { id, testFields }, { itemIndex });
		return normalizeTestDetail(data.editCompanyTest, this.getTimezone());
	});
}
