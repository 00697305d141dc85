import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { CodeSignalClient, GraphqlOperation } from '../../../shared/codesignal/transport';
import { additionalFieldsCollection } from '../../../shared/descriptions';
import {
	INTERVIEW_TEMPLATE_FIELDS,
	normalizeInterviewTemplate,
	type RawInterviewTemplate,
} from '../../helpers/interviewTemplates';
import { document as getCompany } from '../company/get.operation';
import { companyIdOption } from '../descriptions';
import { getCollection } from '../readParameters';
import { runPerItem } from '../runPerItem';
import { inputJsonProperty, nameProperty, taskIdsProperty, templateFieldOptions, templateInput } from './templateFields';

export const document: GraphqlOperation = {
	name: 'CreateInterviewTemplate',
	action: 'create the interview template',
	document: /* GraphQL */ `
		mutation CreateInterviewTemplate($fields: CreateInterviewTemplateInput!) {
			createInterviewTemplate(interviewTemplateFields: $fields) { ${INTERVIEW_TEMPLATE_FIELDS} }
		}
	`,
};

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['interviewTemplate'], operation: ['create'] } },
	[
		{ ...nameProperty, required: true },
		{ ...taskIdsProperty, required: true },
		additionalFieldsCollection([
			companyIdOption('the template belongs to'),
			inputJsonProperty('CreateInterviewTemplateInput'),
			...templateFieldOptions,
		]),
	],
);

/** CodeSignal requires the company's ID: without one given, the API key's company is read once per run. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	let ownCompanyId: Promise<string> | undefined;
	const readOwnCompanyId = async (client: CodeSignalClient, itemIndex: number) => {
		const { company } = await client.request<{ company: { id: string } | null }>(getCompany, {}, { itemIndex });
		if (!company) throw new Error('CodeSignal returned no company for this API key');
		return company.id;
	};
	return await runPerItem.call(this, items, async (client, itemIndex) => {
		const fields = {
			...getCollection.call(this, 'additionalFields', itemIndex),
			name: this.getNodeParameter('name', itemIndex, ''),
			taskIds: this.getNodeParameter('taskIds', itemIndex, ''),
		};
		// Checked with a stand-in company when none is given, so that bad input is refused before any request.
		const input = templateInput(fields, 'CreateInterviewTemplateInput', { companyId: '' });
		if (!input.companyId) {
			ownCompanyId ??= readOwnCompanyId(client, itemIndex);
			input.companyId = await ownCompanyId;
		}
		const data = await client.request<{ createInterviewTemplate: RawInterviewTemplate }>(
			document,
			{ fields: input },
			{ itemIndex },
		);
		return normalizeInterviewTemplate(data.createInterviewTemplate);
	});
}
