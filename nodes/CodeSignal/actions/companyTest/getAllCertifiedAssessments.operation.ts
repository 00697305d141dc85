import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { collectList, reportNullEntries } from '../../../shared/codesignal/lists';
import type { GraphqlOperation } from '../../../shared/codesignal/transport';
import { optionsCollection, returnAllAndLimit } from '../../../shared/descriptions';
import { normalizeStandardizedTest, STANDARDIZED_TEST_FIELDS, type RawStandardizedTest } from '../../helpers/tests';
import { companyIdOption } from '../descriptions';
import { companyIdOf, getCollection, getPaging } from '../readParameters';
import { runPerItem } from '../runPerItem';

export const document: GraphqlOperation = {
	name: 'ListCertifiedAssessments',
	action: 'list the certified assessments',
	document: /* GraphQL */ `
		query ListCertifiedAssessments($companyId: ID, $first: Int!, $offset: Int) {
			certificationTests(companyId: $companyId, first: $first, offset: $offset) {
				tests { ${STANDARDIZED_TEST_FIELDS} }
				pageInfo { hasNextPage }
			}
		}
	`,
};

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['test'], operation: ['getAllCertifiedAssessments'] } },
	[
		...returnAllAndLimit,
		optionsCollection([companyIdOption('whose certified assessments to list')]),
	],
);

/** Each with the framework ID that Create From Certified Assessment takes. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, async (client, itemIndex) => {
		const variables = { companyId: companyIdOf(getCollection.call(this, 'options', itemIndex)) };
		const tests = await collectList<RawStandardizedTest>(
			client,
			document,
			variables,
			{ field: 'certificationTests', items: 'tests' },
			{
				...getPaging.call(this, itemIndex),
				itemIndex,
				idOf: (test) => test.id,
				onNulls: reportNullEntries(this.logger, 'certified assessments'),
			},
		);
		return tests.map(normalizeStandardizedTest);
	});
}
