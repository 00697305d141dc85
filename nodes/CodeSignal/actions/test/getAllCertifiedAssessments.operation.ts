import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { collectAll } from '../../../shared/codesignal/pagination';
import type { GraphqlOperation } from '../../../shared/codesignal/transport';
import { returnAllAndLimit } from '../../../shared/descriptions';
import { normalizeStandardizedTest, STANDARDIZED_TEST_FIELDS, type RawStandardizedTest } from '../../helpers/tests';
import { getPaging } from '../parameters';
import { runPerItem } from '../runPerItem';

export const document: GraphqlOperation = {
	name: 'ListCertifiedAssessments',
	action: 'list the certified assessments',
	document: /* GraphQL */ `
		query ListCertifiedAssessments($first: Int!, $offset: Int) {
			certificationTests(first: $first, offset: $offset) {
				tests { ${STANDARDIZED_TEST_FIELDS} }
				pageInfo { hasNextPage }
			}
		}
	`,
};

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['test'], operation: ['getAllCertifiedAssessments'] } },
	returnAllAndLimit,
);

/** Each with the framework ID that Create From Certified Assessment takes. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, async (client, itemIndex) => {
		const tests = await collectAll<RawStandardizedTest>(async ({ first, offset }) => {
			const { certificationTests } = await client.request<{
				certificationTests: { tests: RawStandardizedTest[]; pageInfo: { hasNextPage: boolean } };
			}>(document, { first, offset }, { itemIndex });
			return { items: certificationTests.tests, hasNextPage: certificationTests.pageInfo.hasNextPage };
		}, getPaging.call(this, itemIndex));
		return tests.map(normalizeStandardizedTest);
	});
}
