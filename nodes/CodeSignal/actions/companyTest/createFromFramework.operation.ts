import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { GraphqlOperation } from '../../../shared/codesignal/transport';
import { frameworkLocator } from '../descriptions';
import { requireText } from '../../../shared/inputs';
import { normalizeTestDetail, TEST_DETAIL_FIELDS, type RawTestDetail } from '../../helpers/tests';
import { getCollection, getId } from '../readParameters';
import { runPerItem } from '../runPerItem';
import { additionalTestFields, getTestInput, testJsonProperty, testTitleProperty } from './testInput';

export const document: GraphqlOperation = {
	name: 'CreateTestFromFramework',
	action: 'create the test from the certified assessment',
	document: /* GraphQL */ `
		mutation CreateTestFromFramework($testFields: CreateCompanyTestFromFrameworkInput!) {
			createCompanyTestFromFramework(testFields: $testFields) { ${TEST_DETAIL_FIELDS} }
		}
	`,
};

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['test'], operation: ['createFromFramework'] } },
	[
		frameworkLocator,
		testTitleProperty,
		testJsonProperty('CreateCompanyTestFromFrameworkInput'),
		// The framework sets the tasks and the duration.
		additionalTestFields('durationMinutes', 'tasks', 'title'),
	],
);

/** A Pre-Screen test: the framework's tasks and duration, proctored. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, async (client, itemIndex) => {
		const frameworkId = getId.call(this, 'framework', 'Certified Assessment', itemIndex);
		const title = requireText(this.getNodeParameter('title', itemIndex, ''), 'Title');
		const guided = { ...getCollection.call(this, 'additionalFields', itemIndex), frameworkId, title };
		const testFields = getTestInput.call(this, 'CreateCompanyTestFromFrameworkInput', guided, itemIndex, {
			externalTitle: title,
		});
		const data = await client.request<{ createCompanyTestFromFramework: RawTestDetail }>(
			document,
			{ testFields },
			{ itemIndex },
		);
		return normalizeTestDetail(data.createCompanyTestFromFramework, this.getTimezone());
	});
}
