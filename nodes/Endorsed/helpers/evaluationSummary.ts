/**
 * Endorsed evaluates a nomination's criteria asynchronously ("within minutes") and has no webhooks:
 * the only way to know the outcome is to read the evaluations until none is IN_PROGRESS.
 */

export type EvaluationState = 'IN_PROGRESS' | 'EVALUATED' | 'FAILED';

/** One item of GET /nominations/{id}/criterion_evaluations/. */
export interface CriterionEvaluation {
	criterion: { id: string; prompt_text: string; display_name?: string | null };
	evaluation: {
		state: EvaluationState;
		result: { is_criterion_met: boolean; explanation?: string } | null;
		error?: { message: string } | null;
	};
}

export interface EvaluationSummary {
	/** No evaluation is IN_PROGRESS. */
	settled: boolean;
	met: number;
	notMet: number;
	failed: number;
	inProgress: number;
}

export function summarizeEvaluations(items: CriterionEvaluation[]): EvaluationSummary {
	const count = (predicate: (item: CriterionEvaluation) => boolean) => items.filter(predicate).length;
	const inProgress = count((item) => item.evaluation?.state === 'IN_PROGRESS');
	return {
		settled: inProgress === 0,
		met: count((item) => item.evaluation?.state === 'EVALUATED' && item.evaluation.result?.is_criterion_met === true),
		notMet: count(
			(item) => item.evaluation?.state === 'EVALUATED' && item.evaluation.result?.is_criterion_met !== true,
		),
		failed: count((item) => item.evaluation?.state === 'FAILED'),
		inProgress,
	};
}

export interface WaitOptions {
	/** Stop waiting after this long, settled or not. */
	maxWaitMs: number;
	intervalMs: number;
	now?: () => number;
	sleep: (ms: number) => Promise<void>;
}

/**
 * Reads the evaluations until none is IN_PROGRESS or `maxWaitMs` has passed (the last read is returned
 * either way: waiting is bounded, and an unsettled answer is still an answer).
 */
export async function waitForEvaluations(
	read: () => Promise<CriterionEvaluation[]>,
	options: WaitOptions,
): Promise<{ items: CriterionEvaluation[]; reads: number }> {
	const now = options.now ?? Date.now;
	const deadline = now() + options.maxWaitMs;
	for (let reads = 1; ; reads++) {
		const items = await read();
		const remaining = deadline - now();
		if (summarizeEvaluations(items).settled || remaining <= 0) return { items, reads };
		await options.sleep(Math.min(options.intervalMs, remaining));
	}
}
