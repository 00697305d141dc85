import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { forEachItem } from '../../../shared/forEachItem';
import { readReference, recordPath } from '../../helpers/references';
import { endorsedApiRequest } from '../../transport';
import { recordLocator } from '../descriptions';
import { autoEvaluationProperty, autoEvaluationValue } from './autoEvaluation';

const properties: INodeProperties[] = [
	recordLocator('job'),
	{ ...autoEvaluationProperty, description: 'What Endorsed does on its own for this job' },
];

export const description = updateDisplayOptions(
	{ show: { resource: ['job'], operation: ['setAutoEvaluation'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await forEachItem(this, items, async (itemIndex) => {
		const body = {
			auto_evaluation_behavior: autoEvaluationValue(
				this.getNodeParameter('autoEvaluationBehavior', itemIndex) as string,
			),
		};
		const { result } = await endorsedApiRequest.call(
			this,
			{
				method: 'PATCH',
				path: recordPath('job', readReference(this, 'job', itemIndex)),
				body,
				action: "set the job's auto evaluation",
			},
			itemIndex,
		);
		return { ...result, ...body };
	});
}
