import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { GraphqlOperation } from '../../../shared/codesignal/transport';
import { optionsCollection } from '../../../shared/descriptions';
import { NotFoundError, requireId } from '../../../shared/inputs';
import {
	INTERVIEW_TEMPLATE_FIELDS,
	normalizeInterviewTemplate,
	type RawInterviewTemplate,
} from '../../helpers/interviewTemplates';
import { interviewTemplateLocator } from '../descriptions';
import { getCollection, getId } from '../readParameters';
import { runPerItem } from '../runPerItem';

export const document: GraphqlOperation = {
	name: 'GetInterviewTemplate',
	action: 'read the interview template',
	document: /* GraphQL */ `
		query GetInterviewTemplate($id: ID!, $liveInterviewId: ID) {
			interviewTemplate(interviewTemplateId: $id, liveInterviewId: $liveInterviewId) { ${INTERVIEW_TEMPLATE_FIELDS} }
		}
	`,
};

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['interviewTemplate'], operation: ['get'] } },
	[
		{ ...interviewTemplateLocator, description: 'The interview template' },
		optionsCollection([
			{
				displayName: 'Live Interview ID',
				name: 'liveInterviewId',
				type: 'string',
				default: '',
				description: 'Read the template as this live interview uses it',
			},
		]),
	],
);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, async (client, itemIndex) => {
		const id = getId.call(this, 'interviewTemplate', 'Interview Template', itemIndex);
		const { liveInterviewId } = getCollection.call(this, 'options', itemIndex);
		const { interviewTemplate } = await client.request<{ interviewTemplate: RawInterviewTemplate | null }>(
			document,
			{ id, liveInterviewId: liveInterviewId ? requireId(liveInterviewId, 'Live Interview ID') : undefined },
			{ itemIndex },
		);
		if (!interviewTemplate) throw new NotFoundError('Interview template', id);
		return normalizeInterviewTemplate(interviewTemplate);
	});
}
