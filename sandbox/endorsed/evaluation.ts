import { DateTime } from 'luxon';
import type { CriterionRecord } from './records';
import { findStatement, type ParsedReport } from './report';

export type EvaluationState = 'IN_PROGRESS' | 'EVALUATED' | 'FAILED';

export interface EvaluationResult {
	is_criterion_met: boolean;
	confidence_score: number;
	strength_score: number;
	explanation: string;
	evaluated_at: string;
}

/** One item of GET /nominations/{id}/criterion_evaluations/. */
export interface CriterionEvaluation {
	criterion: Pick<CriterionRecord, 'id' | 'prompt_text' | 'display_name' | 'scope'>;
	evaluation: { state: EvaluationState; result: EvaluationResult | null; error: { message: string } | null };
}

export interface EvaluationInputs {
	criteria: CriterionRecord[];
	/** The candidate's attachments, parsed. */
	reports: ParsedReport[];
	/** Last change to the nomination or the candidate's attachments (epoch ms). */
	inputsChangedAt: number;
	delayMs: number;
	now: number;
}

const STATED_CONFIDENCE = 0.9;
const UNSTATED_CONFIDENCE = 0.5;

/**
 * Decides each of the job's criteria for one nomination. An evaluation stays IN_PROGRESS for delayMs
 * after its inputs (the criterion, the nomination, the candidate's attachments) last changed, like
 * Endorsed's asynchronous evaluation; it is then read from the attachments' current text.
 */
export function evaluateNomination(inputs: EvaluationInputs): CriterionEvaluation[] {
	return inputs.criteria.map((criterion) => {
		const readyAt = Math.max(inputs.inputsChangedAt, Date.parse(criterion.created_at)) + inputs.delayMs;
		const { id, prompt_text, display_name, scope } = criterion;
		const evaluation =
			inputs.now < readyAt
				? { state: 'IN_PROGRESS' as const, result: null, error: null }
				: decide(prompt_text, inputs.reports, readyAt);
		return { criterion: { id, prompt_text, display_name, scope }, evaluation };
	});
}

function decide(prompt: string, reports: ParsedReport[], evaluatedAt: number): CriterionEvaluation['evaluation'] {
	const statement = findStatement(prompt, reports);
	if (statement?.verdict === 'failed') {
		const message = `Evaluation failed as an attachment asks: "${statement.line}"`;
		return { state: 'FAILED', result: null, error: { message } };
	}
	const met = statement?.verdict === 'met';
	return {
		state: 'EVALUATED',
		result: {
			is_criterion_met: met,
			confidence_score: statement ? STATED_CONFIDENCE : UNSTATED_CONFIDENCE,
			strength_score: met ? 1 : 0,
			explanation: statement
				? `The candidate's attachments state: "${statement.line}"`
				: `No attachment of this candidate says whether "${prompt}" is met.`,
			evaluated_at: DateTime.fromMillis(evaluatedAt, { zone: 'utc' }).toISO() as string,
		},
		error: null,
	};
}
