import type { IExecuteFunctions } from 'n8n-workflow';

import { sleep } from '../../shared/retry';
import { waitForEvaluations, type CriterionEvaluation, type WaitOptions } from './evaluationSummary';
import { endorsedApiRequest } from '../transport';

/** Whose criterion evaluations to read: a nomination's, or a candidate's across their nominations. */
export interface EvaluationSource {
	path: string;
	/** Completes "Endorsed could not …". */
	action: string;
}

export function nominationEvaluations(nominationSegment: string): EvaluationSource {
	// Endorsed documents this path with a trailing slash.
	return {
		path: `/nominations/${nominationSegment}/criterion_evaluations/`,
		action: 'read the criterion evaluations of the nomination',
	};
}

/** Endorsed's documentation leaves this path open; this is the one its API's naming implies. */
export function candidateEvaluations(candidateSegment: string): EvaluationSource {
	return {
		path: `/candidates/${candidateSegment}/criterion_evaluations`,
		action: 'read the criterion evaluations of the candidate',
	};
}

/** Criterion evaluations; with `wait`, read again until none is IN_PROGRESS (bounded). */
export async function readEvaluations(
	context: IExecuteFunctions,
	source: EvaluationSource,
	itemIndex: number,
	wait?: Pick<WaitOptions, 'maxWaitMs' | 'intervalMs'>,
): Promise<CriterionEvaluation[]> {
	const read = async () => {
		const { results } = await endorsedApiRequest.call(
			context,
			{ method: 'GET', path: source.path, action: source.action },
			itemIndex,
		);
		return (results ?? []) as unknown as CriterionEvaluation[];
	};
	if (!wait) return await read();
	return (await waitForEvaluations(read, { ...wait, sleep })).items;
}
