import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { GraphqlOperation } from '../../../shared/codesignal/transport';
import { updateFieldsCollection } from '../../../shared/descriptions';
import { InvalidParameterError } from '../../../shared/inputs';
import {
	INTERVIEW_TEMPLATE_FIELDS,
	normalizeInterviewTemplate,
	type RawInterviewTemplate,
} from '../../helpers/interviewTemplates';
import { interviewTemplateLocator } from '../descriptions';
import { getCollection, getId } from '../readParameters';
import { runPerItem } from '../runPerItem';
import { inputJsonProperty, nameProperty, taskIdsProperty, templateFieldOptions, templateInput } from './templateFields';

export const document: GraphqlOperation = {
	name: 'UpdateInterviewTemplate',
	action: 'update the interview template',
	document: /* GraphQL */ `
		mutation UpdateInterviewTemplate($id: ID!, $fields: EditInterviewTemplateInput!) {
			editInterviewTemplate(interviewTemplateId: $id, interviewTemplateFields: $fields) { ${INTERVIEW_TEMPLATE_FIELDS} }
		}
	`,
};

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['interviewTemplate'], operation: ['update'] } },
	[
		{ ...interviewTemplateLocator, description: 'The interview template to change' },
		updateFieldsCollection([
			inputJsonProperty('EditInterviewTemplateInput'),
			...templateFieldOptions,
			nameProperty,
			{
				...taskIdsProperty,
				description:
					"Replaces the template's whole task list: the tasks (questions) in order, separated by commas",
			},
		]),
	],
);

/** Fields not given keep their values; a task list or feedback form given replaces the template's. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, async (client, itemIndex) => {
		const id = getId.call(this, 'interviewTemplate', 'Interview Template', itemIndex);
		const fields = templateInput(getCollection.call(this, 'updateFields', itemIndex), 'EditInterviewTemplateInput');
		if (Object.keys(fields).length === 0) {
			throw new InvalidParameterError('Update Fields', 'Update Fields is empty: add at least one field to change');
		}
		const data = await client.request<{ editInterviewTemplate: RawInterviewTemplate }>(
			document,
			{ id, fields },
			{ itemIndex },
		);
		return normalizeInterviewTemplate(data.editInterviewTemplate);
	});
}
