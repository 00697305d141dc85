/** Get Many (a nomination's evaluations) and Get Many for Candidate (all of a candidate's) differ only in whose. */
import type { IDataObject } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { forEachItem } from '../../../shared/forEachItem';
import type { Operation } from '../../../shared/router';
import { readEvaluations, type EvaluationSource } from '../../helpers/evaluations';
import { referenceSegment } from '../../helpers/recordReference';
import { readReference } from '../../helpers/references';
import { evaluationWaitProperties, readWaitOptions, recordLocator } from '../descriptions';

export function evaluationsOperation(
	owner: 'nomination' | 'candidate',
	operation: string,
	source: (segment: string) => EvaluationSource,
): Operation {
	return {
		description: updateDisplayOptions({ show: { resource: ['criterionEvaluation'], operation: [operation] } }, [
			recordLocator(owner),
			...evaluationWaitProperties(
				'Whether to read the evaluations again until none is in progress (Endorsed evaluates within minutes)',
			),
		]),
		async execute(items) {
			return await forEachItem(this, items, async (itemIndex) => {
				const segment = referenceSegment(readReference(this, owner, itemIndex));
				const evaluations = await readEvaluations(this, source(segment), itemIndex, readWaitOptions(this, itemIndex));
				return evaluations as unknown as IDataObject[];
			});
		},
	};
}
