import type { IExecuteFunctions } from 'n8n-workflow';

import { sleep } from '../../shared/retry';
import { waitForEvaluations, type CriterionEvaluation, type WaitOptions } from './evaluationSummary';
import { endorsedApiRequest } from '../transport';

/** A nomination's criterion evaluations; with `wait`, read again until none is IN_PROGRESS (bounded). */
export async function readEvaluations(
	context: IExecuteFunctions,
	nominationSegment: string,
	itemIndex: number,
	wait?: Pick<WaitOptions, 'maxWaitMs' | 'intervalMs'>,
): Promise<CriterionEvaluation[]> {
	const read = async () => {
		const { results } = await endorsedApiRequest.call(
			context,
			{
				method: 'GET',
				// Endorsed documents this path with a trailing slash.
				path: `/nominations/${nominationSegment}/criterion_evaluations/`,
				action: 'read the criterion evaluations of the nomination',
			},
			itemIndex,
		);
		return (results ?? []) as unknown as CriterionEvaluation[];
	};
	if (!wait) return await read();
	return (await waitForEvaluations(read, { ...wait, sleep })).items;
}
