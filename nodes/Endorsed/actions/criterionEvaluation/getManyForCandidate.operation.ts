import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { referenceSegment } from '../../../shared/endorsed/references';
import { forEachItem } from '../../../shared/items';
import { candidateEvaluations, readEvaluations } from '../../helpers/evaluations';
import { readReference } from '../../helpers/references';
import { evaluationWaitProperties, readWaitOptions, recordLocator } from '../common.descriptions';

const properties: INodeProperties[] = [
	recordLocator('candidate'),
	...evaluationWaitProperties(
		'Whether to read the evaluations again until none is in progress (Endorsed evaluates within minutes)',
	),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['criterionEvaluation'], operation: ['getManyForCandidate'] } },
	properties,
);

/** Every nomination's evaluations; each item says which nomination and job it belongs to. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await forEachItem(this, items, async (itemIndex) => {
		const candidate = referenceSegment(readReference(this, 'candidate', itemIndex));
		const evaluations = await readEvaluations(
			this,
			candidateEvaluations(candidate),
			itemIndex,
			readWaitOptions(this, itemIndex),
		);
		return evaluations as unknown as IDataObject[];
	});
}
