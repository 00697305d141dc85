import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { referenceSegment } from '../../../shared/endorsed/references';
import { nominationEvaluations, readEvaluations } from '../../helpers/evaluations';
import { forEachItem } from '../../../shared/items';
import { readReference } from '../../helpers/references';
import { evaluationWaitProperties, readWaitOptions, recordLocator } from '../common.descriptions';

const properties: INodeProperties[] = [
	recordLocator('nomination'),
	...evaluationWaitProperties(
		'Whether to read the evaluations again until none is in progress (Endorsed evaluates within minutes)',
	),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['criterionEvaluation'], operation: ['getMany'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await forEachItem(this, items, async (itemIndex) => {
		const nomination = referenceSegment(readReference(this, 'nomination', itemIndex));
		const evaluations = await readEvaluations(
			this,
			nominationEvaluations(nomination),
			itemIndex,
			readWaitOptions(this, itemIndex),
		);
		return evaluations as unknown as IDataObject[];
	});
}
