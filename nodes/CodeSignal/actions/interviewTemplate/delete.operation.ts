import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { GraphqlOperation } from '../../../shared/codesignal/transport';
import { interviewTemplateLocator } from '../descriptions';
import { getId } from '../readParameters';
import { runPerItem } from '../runPerItem';

export const document: GraphqlOperation = {
	name: 'DeleteInterviewTemplate',
	action: 'delete the interview template',
	document: /* GraphQL */ `
		mutation DeleteInterviewTemplate($id: ID!) {
			deleteInterviewTemplate(interviewTemplateId: $id)
		}
	`,
};

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['interviewTemplate'], operation: ['delete'] } },
	[{ ...interviewTemplateLocator, description: 'The interview template to delete, for good' }],
);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, async (client, itemIndex) => {
		const id = getId.call(this, 'interviewTemplate', 'Interview Template', itemIndex);
		const data = await client.request<{ deleteInterviewTemplate: string }>(document, { id }, { itemIndex });
		return { id: data.deleteInterviewTemplate, deleted: true };
	});
}
