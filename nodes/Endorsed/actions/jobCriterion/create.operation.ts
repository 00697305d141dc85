import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { createUnlessExists } from '../../helpers/conflicts';
import { forEachItem } from '../../../shared/forEachItem';
import { readReference, recordPath } from '../../helpers/references';
import { endorsedApiRequest } from '../../transport';
import { recordLocator } from '../descriptions';
import { additionalFieldsCollection } from '../../../shared/descriptions';

const properties: INodeProperties[] = [
	recordLocator('job'),
	{
		displayName: 'Prompt',
		name: 'promptText',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Scored at least 70% on the CodeSignal Backend assessment',
		description: 'A yes-or-no statement Endorsed decides for each nomination to the job',
	},
	additionalFieldsCollection([
		{
			displayName: 'Display Name',
			name: 'displayName',
			type: 'string',
			default: '',
			description: 'A short name Endorsed shows for the criterion',
		},
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['jobCriterion'], operation: ['create'] } },
	properties,
);

/** Endorsed answers 409 for a prompt the job already has: the existing criterion is returned instead. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await forEachItem(this, items, async (itemIndex) => {
		const criteriaPath = `${recordPath('job', readReference(this, 'job', itemIndex))}/criteria`;
		const body: IDataObject = { prompt_text: (this.getNodeParameter('promptText', itemIndex) as string).trim() };
		const { displayName } = this.getNodeParameter('additionalFields', itemIndex) as IDataObject;
		if (displayName) body.display_name = displayName;
		return await createUnlessExists(
			this,
			{ method: 'POST', path: criteriaPath, body, action: 'create the job criterion' },
			async () => {
				const { results } = await endorsedApiRequest.call(
					this,
					{ method: 'GET', path: criteriaPath, action: "list the job's criteria" },
					itemIndex,
				);
				return results?.find((criterion) => criterion.prompt_text === body.prompt_text);
			},
			itemIndex,
		);
	});
}
