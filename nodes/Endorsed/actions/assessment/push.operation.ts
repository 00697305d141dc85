import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { forEachItem } from '../../../shared/forEachItem';
import { readReference } from '../../helpers/references';
import { emailTypeProperty } from '../candidate/candidateInput';
import { evaluationWaitProperties, readWaitOptions, recordLocator } from '../descriptions';
import { AssessmentPusher } from './AssessmentPusher';
import { optionsCollection } from '../../../shared/descriptions';

const properties: INodeProperties[] = [
	{
		displayName:
			'Takes the output of the CodeSignal Score node: one scored test session per item. Running it again for the same session updates instead of duplicating.',
		name: 'notice',
		type: 'notice',
		default: '',
	},
	recordLocator('job', { description: 'The job the candidates are ranked for' }),
	...evaluationWaitProperties(
		"Whether to wait until Endorsed has evaluated the criteria, then return the evaluations and the candidate's ranking",
	),
	optionsCollection([
		{
			...emailTypeProperty,
			description: "Whether Endorsed records the candidate's CodeSignal email address as personal or work",
		},
		{
			displayName: 'Nomination Stage ID',
			name: 'nominationStageId',
			type: 'string',
			default: '',
			description: "The stage (UUID) new nominations start in; by default the job's default nomination stage",
		},
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['assessment'], operation: ['push'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const pusher = new AssessmentPusher(this);
	return await forEachItem(this, items, async (itemIndex) => {
		const options = this.getNodeParameter('options', itemIndex) as IDataObject;
		return await pusher.push(
			items[itemIndex].json,
			{
				job: readReference(this, 'job', itemIndex),
				emailType: (options.emailType as string | undefined) ?? 'personal',
				nominationStageId: (options.nominationStageId as string | undefined)?.trim(),
				wait: readWaitOptions(this, itemIndex),
			},
			itemIndex,
		);
	});
}
