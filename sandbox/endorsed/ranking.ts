import type { CriterionEvaluation } from './evaluation';

/** One item of GET /candidate_rankings. */
export interface RankingEntry {
	score: number;
	candidate_id: string;
	candidate_remote_id: string;
	/** Endorsed's AI summary of the candidate; the sandbox writes no summaries. */
	summary_id: null;
	nomination_id: string | null;
}

const CRITERIA_WEIGHT = 0.9;
const OVERALL_WEIGHT = 0.1;

/**
 * A nominated candidate's score for a job: the share of the job's criteria evaluated as met, weighted
 * 0.9, plus the attachments' "Overall score: N/100" weighted 0.1. Rounded to 4 decimals.
 */
export function jobScore(evaluations: CriterionEvaluation[], overallScore: number): number {
	const met = evaluations.filter(({ evaluation }) => evaluation.result?.is_criterion_met).length;
	const share = evaluations.length ? met / evaluations.length : 0;
	return round(share * CRITERIA_WEIGHT + (overallScore / 100) * OVERALL_WEIGHT);
}

/** The share of the query's words (3+ letters) that the text contains, rounded to 4 decimals. */
export function textScore(query: string, text: string): number {
	const wanted = words(query);
	if (!wanted.size) return 0;
	const present = words(text);
	return round([...wanted].filter((word) => present.has(word)).length / wanted.size);
}

/** Best first; ties by candidate remote id, then id, so equal scores keep a stable order. */
export function sortRankings(entries: RankingEntry[]): RankingEntry[] {
	return [...entries].sort(
		(a, b) =>
			b.score - a.score ||
			compare(a.candidate_remote_id, b.candidate_remote_id) ||
			compare(a.candidate_id, b.candidate_id),
	);
}

function words(text: string): Set<string> {
	return new Set(text.toLowerCase().match(/[\p{L}\p{N}]{3,}/gu) ?? []);
}

function compare(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

function round(value: number): number {
	return Math.round(value * 10000) / 10000;
}
