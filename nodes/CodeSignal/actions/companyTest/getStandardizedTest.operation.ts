import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { GraphqlOperation } from '../../../shared/codesignal/transport';
import { standardizedTestLocator } from '../descriptions';
import { NotFoundError } from '../../../shared/inputs';
import { normalizeStandardizedTest, STANDARDIZED_TEST_FIELDS, type RawStandardizedTest } from '../../helpers/tests';
import { getId } from '../readParameters';
import { runPerItem } from '../runPerItem';

export const document: GraphqlOperation = {
	name: 'GetStandardizedTest',
	action: 'read the certified assessment',
	document: /* GraphQL */ `
		query GetStandardizedTest($id: ID!) {
			standardizedTest(id: $id) { ${STANDARDIZED_TEST_FIELDS} }
		}
	`,
};

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['test'], operation: ['getStandardizedTest'] } },
	[standardizedTestLocator],
);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, async (client, itemIndex) => {
		const id = getId.call(this, 'standardizedTest', 'Certified Assessment', itemIndex);
		const { standardizedTest } = await client.request<{ standardizedTest: RawStandardizedTest | null }>(
			document,
			{ id },
			{ itemIndex },
		);
		if (!standardizedTest) throw new NotFoundError('Certified assessment', id);
		return normalizeStandardizedTest(standardizedTest);
	});
}
