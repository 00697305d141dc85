import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { GraphqlOperation } from '../../../shared/codesignal/transport';
import { interviewTemplateLocator } from '../descriptions';
import { NotFoundError } from '../../../shared/inputs';
import {
	INTERVIEW_TEMPLATE_FIELDS,
	normalizeInterviewTemplate,
	type RawInterviewTemplate,
} from '../../helpers/interviewTemplates';
import { getId } from '../readParameters';
import { runPerItem } from '../runPerItem';

export const document: GraphqlOperation = {
	name: 'GetInterviewTemplate',
	action: 'read the interview template',
	document: /* GraphQL */ `
		query GetInterviewTemplate($id: ID!) {
			interviewTemplate(interviewTemplateId: $id) { ${INTERVIEW_TEMPLATE_FIELDS} }
		}
	`,
};

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['interviewTemplate'], operation: ['get'] } },
	[{ ...interviewTemplateLocator, description: 'The interview template' }],
);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, async (client, itemIndex) => {
		const id = getId.call(this, 'interviewTemplate', 'Interview Template', itemIndex);
		const { interviewTemplate } = await client.request<{ interviewTemplate: RawInterviewTemplate | null }>(
			document,
			{ id },
			{ itemIndex },
		);
		if (!interviewTemplate) throw new NotFoundError('Interview template', id);
		return normalizeInterviewTemplate(interviewTemplate);
	});
}
