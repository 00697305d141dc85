import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { GraphqlOperation } from '../../../shared/codesignal/transport';
import { InvalidParameterError, requireText } from '../../../shared/inputs';
import { normalizeTestDetail, TEST_DETAIL_FIELDS, type RawTestDetail } from '../../helpers/tests';
import { getCollection } from '../readParameters';
import { runPerItem } from '../runPerItem';
import { additionalTestFields, getTestInput, tasksProperty, testJsonProperty, testTitleProperty } from './testInput';

export const document: GraphqlOperation = {
	name: 'CreateTest',
	action: 'create the test',
	document: /* GraphQL */ `
		mutation CreateTest($testFields: CreateCompanyTestInput!) {
			createCompanyTest(testFields: $testFields) { ${TEST_DETAIL_FIELDS} }
		}
	`,
};

export const description: INodeProperties[] = updateDisplayOptions({ show: { resource: ['test'], operation: ['create'] } }, [
	testTitleProperty,
	{
		displayName: 'Duration (Minutes)',
		name: 'durationMinutes',
		type: 'number',
		required: true,
		default: 60,
		typeOptions: { minValue: 1 },
		description: 'How long a candidate has for the test',
	},
	{ ...tasksProperty, required: true },
	testJsonProperty('CreateCompanyTestInput'),
	additionalTestFields('durationMinutes', 'tasks', 'title'),
]);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, async (client, itemIndex) => {
		const title = requireText(this.getNodeParameter('title', itemIndex, ''), 'Title');
		const guided = {
			...getCollection.call(this, 'additionalFields', itemIndex),
			title,
			durationMinutes: this.getNodeParameter('durationMinutes', itemIndex, ''),
			tasks: this.getNodeParameter('tasks', itemIndex, {}),
		};
		// What CodeSignal requires but a user may leave out: the candidates' title and the two messages.
		const defaults = { externalTitle: title, introMessage: '', outroMessage: '', tasks: [] };
		const testFields = getTestInput.call(this, 'CreateCompanyTestInput', guided, itemIndex, defaults);
		if ((testFields.tasks as unknown[]).length === 0) {
			throw new InvalidParameterError('Tasks', 'Tasks is empty: add at least one task');
		}
		const data = await client.request<{ createCompanyTest: RawTestDetail }>(document, { testFields }, { itemIndex });
		return normalizeTestDetail(data.createCompanyTest, this.getTimezone());
	});
}
