/**
 * What each numeric metric reads from a session, how its values read in labels, prompts and reasons,
 * and why it can be missing.
 */
import { percentOf, type SessionItem } from '../../shared/codesignal/sessions';
import type { NumericComparison, NumericMetric } from './criteria';
import { countOf, finiteOrNull, formatNumber, roundTo2 } from './format';
import { missingResultReason, noResultReason } from './sessionState';

interface NumericMetricDefinition {
	/** Short name for generated labels: "Score ≥ 70%". */
	name: string;
	/** The value compared, rounded to two decimals so that what is shown is what is compared; null when missing. */
	read(session: SessionItem): number | null;
	/** Why `read` gave null. */
	missing(session: SessionItem): string;
	/** A value with its unit: "72%", "3 tasks". */
	format(value: number): string;
	/** The Endorsed prompt, given the bound ("at least 70%") and the assessment ("the CodeSignal … assessment"). */
	prompt(bound: string, assessment: string): string;
}

const percent = (value: number) => `${formatNumber(value)}%`;
const rounded = (value: unknown) => {
	const number = finiteOrNull(value);
	return number === null ? null : roundTo2(number);
};

export const NUMERIC_METRIC_DEFINITIONS: Record<NumericMetric, NumericMetricDefinition> = {
	scorePercent: {
		name: 'Score',
		read: (session) => rounded(session.scorePercent),
		missing: (session) => {
			if (finiteOrNull(session.score) === null) return missingResultReason(session, 'No score in the result');
			const maxScore = finiteOrNull(session.maxScore);
			return maxScore === null
				? 'No percentage: the session has no maximum score'
				: `No percentage: the maximum score is ${formatNumber(maxScore)}`;
		},
		format: percent,
		prompt: (bound, assessment) => `Scored ${bound} on ${assessment}`,
	},
	score: {
		name: 'Raw score',
		read: (session) => rounded(session.score),
		missing: (session) => missingResultReason(session, 'No score in the result'),
		format: (value) => countOf(value, 'point'),
		prompt: (bound, assessment) => `Scored ${bound} on ${assessment}`,
	},
	codingScore: {
		name: 'Coding score',
		read: (session) => rounded(session.codingScore?.value),
		missing: (session) => missingResultReason(session, 'No coding score: the test does not give one'),
		format: formatNumber,
		prompt: (bound, assessment) => `Achieved a coding score of ${bound} on ${assessment}`,
	},
	solvedTaskCount: {
		name: 'Solved tasks',
		read: (session) => rounded(session.solvedTaskCount),
		missing: (session) => missingResultReason(session, 'No solved-task count in the result'),
		format: (value) => countOf(value, 'task'),
		prompt: (bound, assessment) => `Solved ${bound} on ${assessment}`,
	},
	solvedTaskShare: {
		name: 'Solved-task share',
		read: (session) => percentOf(finiteOrNull(session.solvedTaskCount), finiteOrNull(session.taskCount)),
		missing: (session) => {
			if (finiteOrNull(session.solvedTaskCount) === null) {
				return missingResultReason(session, 'No solved-task count in the result');
			}
			return 'No task count in the session';
		},
		format: percent,
		prompt: (bound, assessment) => `Solved ${bound} of the tasks on ${assessment}`,
	},
	timeTakenMinutes: {
		name: 'Time taken',
		read: (session) => {
			const milliseconds = finiteOrNull(session.timeTakenMs);
			return milliseconds === null ? null : roundTo2(milliseconds / 60_000);
		},
		missing: (session) => noResultReason(session) ?? 'No start or finish time in the session',
		format: (value) => countOf(value, 'minute'),
		prompt: (bound, assessment) => `Took ${bound} to complete ${assessment}`,
	},
};

export const COMPARISON_WORDS: Record<NumericComparison, string> = {
	gte: 'at least',
	gt: 'more than',
	lte: 'at most',
	lt: 'less than',
	eq: 'exactly',
	neq: 'anything but',
};

export const COMPARISON_SYMBOLS: Record<NumericComparison, string> = {
	gte: '≥',
	gt: '>',
	lte: '≤',
	lt: '<',
	eq: '=',
	neq: '≠',
};

/** Compares at two decimals, the precision values are read and shown with. */
export function compareNumbers(actual: number, comparison: NumericComparison, threshold: number): boolean {
	const bound = roundTo2(threshold);
	switch (comparison) {
		case 'gte':
			return actual >= bound;
		case 'gt':
			return actual > bound;
		case 'lte':
			return actual <= bound;
		case 'lt':
			return actual < bound;
		case 'eq':
			return actual === bound;
		case 'neq':
			return actual !== bound;
	}
}
