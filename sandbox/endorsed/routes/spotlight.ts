import { invalidArgument, notFound } from '../errors';
import type { CriterionEvaluation, EvaluationState } from '../evaluation';
import { ok, type Route } from '../router';

/** What Endorsed's Spotlight says of one candidate for one job. */
export interface Spotlight {
	job_id: string;
	candidate_id: string;
	nomination_id: string;
	/** IN_PROGRESS while any criterion is; FAILED when one failed; EVALUATED otherwise. */
	state: EvaluationState;
	explanation: string;
	/** Mean confidence of the evaluated criteria; null until every criterion is settled. */
	confidence_score: number | null;
	/** The candidate's score in the job's ranking (0..1); null until every criterion is settled. */
	strength_score: number | null;
}

function round(value: number): number {
	return Math.round(value * 10000) / 10000;
}

function stateOf(evaluations: CriterionEvaluation[]): EvaluationState {
	const states = evaluations.map(({ evaluation }) => evaluation.state);
	if (states.includes('IN_PROGRESS')) return 'IN_PROGRESS';
	return states.includes('FAILED') ? 'FAILED' : 'EVALUATED';
}

function explain(evaluations: CriterionEvaluation[], state: EvaluationState): string {
	if (state === 'IN_PROGRESS') {
		const pending = evaluations.filter(({ evaluation }) => evaluation.state === 'IN_PROGRESS').length;
		return `Endorsed is still evaluating ${pending} of ${evaluations.length} criteria.`;
	}
	if (evaluations.length === 0) return 'The job has no criteria: the candidate is ranked by their overall score alone.';
	const named = (met: boolean) =>
		evaluations
			.filter(({ evaluation }) => evaluation.result?.is_criterion_met === met)
			.map(({ criterion }) => criterion.display_name ?? criterion.prompt_text);
	const met = named(true);
	const notMet = named(false);
	const failed = evaluations.filter(({ evaluation }) => evaluation.state === 'FAILED').length;
	return [
		`Meets ${met.length} of ${evaluations.length} criteria${met.length ? `: ${met.join('; ')}` : ''}.`,
		notMet.length ? `Not met: ${notMet.join('; ')}.` : '',
		failed ? `${failed} could not be evaluated.` : '',
	]
		.filter(Boolean)
		.join(' ');
}

/** GET /spotlight?job_id=…&candidate_id=… (UUIDs): a nominated candidate, seen for that job. */
export const spotlightRoutes: Route[] = [
	{
		method: 'GET',
		pattern: '/spotlight',
		handle({ store, query }) {
			const missing = ['job_id', 'candidate_id'].filter((name) => !query.get(name));
			if (missing.length) throw invalidArgument(missing.map((name) => `${name} is required`));
			const job = store.jobs.requireReference(query.get('job_id') as string, 'job_id');
			const candidate = store.candidates.requireReference(query.get('candidate_id') as string, 'candidate_id');
			const nomination = store.nominationOf(candidate.id, job.id);
			if (!nomination) throw notFound(`candidate ${candidate.id} is not nominated to job ${job.id}`);
			const evaluations = store.evaluations(nomination.id);
			const state = stateOf(evaluations);
			const settled = state !== 'IN_PROGRESS';
			const confidences = evaluations.flatMap(({ evaluation }) =>
				evaluation.result ? [evaluation.result.confidence_score] : [],
			);
			const spotlight: Spotlight = {
				job_id: job.id,
				candidate_id: candidate.id,
				nomination_id: nomination.id,
				state,
				explanation: explain(evaluations, state),
				confidence_score:
					settled && confidences.length
						? round(confidences.reduce((sum, value) => sum + value, 0) / confidences.length)
						: null,
				strength_score: settled
					? (store.rankings(job.id).find((entry) => entry.candidate_id === candidate.id)?.score ?? null)
					: null,
			};
			return ok(spotlight);
		},
	},
];
