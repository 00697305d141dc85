import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { GraphqlOperation } from '../../../shared/codesignal/transport';
import { testLocator } from '../descriptions';
import { NotFoundError } from '../../../shared/inputs';
import { normalizeTest, TEST_FIELDS, type RawTest } from '../../helpers/tests';
import { getId } from '../readParameters';
import { runPerItem } from '../runPerItem';

export const document: GraphqlOperation = {
	name: 'GetTest',
	action: 'read the test',
	document: /* GraphQL */ `
		query GetTest($id: ID!) {
			companyTest(id: $id) { ${TEST_FIELDS} }
		}
	`,
};

export const description: INodeProperties[] = updateDisplayOptions({ show: { resource: ['test'], operation: ['get'] } }, [
	testLocator,
]);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, async (client, itemIndex) => {
		const id = getId.call(this, 'test', 'Test', itemIndex);
		const { companyTest } = await client.request<{ companyTest: RawTest | null }>(document, { id }, { itemIndex });
		if (!companyTest) throw new NotFoundError('Test', id);
		return normalizeTest(companyTest, this.getTimezone());
	});
}
