/**
 * Scoring criteria as the editor configures them, and their validation. A criterion that cannot be
 * evaluated (unknown metric, threshold that is not a number, negative weight) is a configuration
 * error that names the criterion and the field, never a silent "not met".
 */
import { DescribedError } from '../../shared/errors';
import { finiteOrNull } from './format';

export const NUMERIC_METRICS = [
	'scorePercent',
	'score',
	'codingScore',
	'solvedTaskCount',
	'solvedTaskShare',
	'timeTakenMinutes',
] as const;
export type NumericMetric = (typeof NUMERIC_METRICS)[number];
export type Metric = NumericMetric | 'language' | 'verificationStatus' | 'integrityFlag';

export const NUMERIC_COMPARISONS = ['gte', 'gt', 'lte', 'lt', 'eq', 'neq'] as const;
export type NumericComparison = (typeof NUMERIC_COMPARISONS)[number];
export const LANGUAGE_COMPARISONS = ['used', 'notUsed'] as const;
export type LanguageComparison = (typeof LANGUAGE_COMPARISONS)[number];

export const VERIFICATION_STATUSES = ['verified', 'notVerified', 'pending'] as const;
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number];
export const INTEGRITY_EXPECTATIONS = ['notFlagged', 'flagged'] as const;
export type IntegrityExpectation = (typeof INTEGRITY_EXPECTATIONS)[number];

interface CriterionBase {
	/** The user's own name for the criterion; a generated one is used when empty. */
	label: string | null;
	weight: number;
	/** A dealbreaker: not meeting it fails the candidate whatever the score. */
	required: boolean;
}

export type NumericCriterion = CriterionBase & { metric: NumericMetric; comparison: NumericComparison; threshold: number };
export type LanguageCriterion = CriterionBase & { metric: 'language'; comparison: LanguageComparison; threshold: string };
export type VerificationCriterion = CriterionBase & {
	metric: 'verificationStatus';
	comparison: 'is';
	threshold: VerificationStatus;
};
export type IntegrityCriterion = CriterionBase & {
	metric: 'integrityFlag';
	comparison: 'is';
	threshold: IntegrityExpectation;
};
export type Criterion = NumericCriterion | LanguageCriterion | VerificationCriterion | IntegrityCriterion;

/** A criterion before validation: values as they come from parameters or expressions. */
export interface CriterionInput {
	metric?: unknown;
	comparison?: unknown;
	threshold?: unknown;
	weight?: unknown;
	required?: unknown;
	label?: unknown;
}

/** Field names as the editor shows them, so that errors point at what the user can change. */
export const CRITERION_FIELDS = {
	metric: 'Metric',
	comparison: 'Comparison',
	threshold: 'Threshold',
	language: 'Language',
	languageUsage: 'Usage',
	verificationStatus: 'Verification Status',
	integrity: 'Integrity',
	weight: 'Weight',
	required: 'Required',
	label: 'Label',
} as const;

export const CRITERION_DEFAULTS = { weight: 1, required: false } as const;

export class ScoringConfigError extends DescribedError {
	constructor(
		message: string,
		/** Where the problem is, e.g. 'Criterion 2' or 'Tier 1'. */
		readonly subject: string,
		/** The editor field to fix. */
		readonly field: string,
	) {
		super(message, `Fix the ${field} field of ${subject} in the node's settings`);
	}
}

/** "Criterion 2: Threshold must be a number (got "abc")" */
export const invalidField = (subject: string, field: string, problem: string) =>
	new ScoringConfigError(`${subject}: ${field} ${problem}`, subject, field);

/** A configured value as an error message quotes it: "abc", -1, NaN, true. */
export function shown(value: unknown): string {
	if (typeof value === 'string') return `"${value}"`;
	if (typeof value === 'number') return String(value);
	return JSON.stringify(value) ?? String(value);
}

const oneOf = <T extends string>(allowed: readonly T[], value: unknown): value is T =>
	typeof value === 'string' && (allowed as readonly string[]).includes(value);

/** A number, or a string that is one (expressions often produce strings); null otherwise. */
export function parseNumber(value: unknown): number | null {
	if (typeof value === 'string' && value.trim() !== '') return finiteOrNull(Number(value));
	return finiteOrNull(value);
}

function parseChoice<T extends string>(subject: string, field: string, allowed: readonly T[], value: unknown): T {
	if (oneOf(allowed, value)) return value;
	throw invalidField(subject, field, `must be one of ${allowed.join(', ')} (got ${shown(value)})`);
}

function parseWeight(subject: string, value: unknown): number {
	if (value === undefined || value === null || value === '') return CRITERION_DEFAULTS.weight;
	const weight = parseNumber(value);
	if (weight === null || weight < 0) {
		throw invalidField(subject, CRITERION_FIELDS.weight, `must be a number of 0 or more (got ${shown(value)})`);
	}
	return weight;
}

function parseRequired(subject: string, value: unknown): boolean {
	if (value === undefined || value === null || value === '') return CRITERION_DEFAULTS.required;
	if (typeof value === 'boolean') return value;
	if (value === 'true' || value === 'false') return value === 'true';
	throw invalidField(subject, CRITERION_FIELDS.required, `must be true or false (got ${shown(value)})`);
}

const ALL_METRICS: readonly Metric[] = [...NUMERIC_METRICS, 'language', 'verificationStatus', 'integrityFlag'];

/** Validates one criterion; `position` is 1-based, as the user counts the criteria in the editor. */
export function parseCriterion(input: CriterionInput, position: number): Criterion {
	const label = typeof input.label === 'string' && input.label.trim() ? input.label.trim() : null;
	const subject = label ? `Criterion ${position} ("${label}")` : `Criterion ${position}`;
	const metric = parseChoice(subject, CRITERION_FIELDS.metric, ALL_METRICS, input.metric);
	const base = { label, weight: parseWeight(subject, input.weight), required: parseRequired(subject, input.required) };

	if (metric === 'language') {
		const comparison = parseChoice(subject, CRITERION_FIELDS.languageUsage, LANGUAGE_COMPARISONS, input.comparison);
		if (typeof input.threshold !== 'string' || !input.threshold.trim()) {
			const problem = `must name a language such as Python (got ${shown(input.threshold)})`;
			throw invalidField(subject, CRITERION_FIELDS.language, problem);
		}
		return { ...base, metric, comparison, threshold: input.threshold.trim() };
	}
	if (metric === 'verificationStatus') {
		const threshold = parseChoice(subject, CRITERION_FIELDS.verificationStatus, VERIFICATION_STATUSES, input.threshold);
		return { ...base, metric, comparison: 'is', threshold };
	}
	if (metric === 'integrityFlag') {
		const threshold = parseChoice(subject, CRITERION_FIELDS.integrity, INTEGRITY_EXPECTATIONS, input.threshold);
		return { ...base, metric, comparison: 'is', threshold };
	}
	const comparison = parseChoice(subject, CRITERION_FIELDS.comparison, NUMERIC_COMPARISONS, input.comparison);
	const threshold = parseNumber(input.threshold);
	if (threshold === null) {
		throw invalidField(subject, CRITERION_FIELDS.threshold, `must be a number (got ${shown(input.threshold)})`);
	}
	return { ...base, metric, comparison, threshold };
}

/** Validates the whole list: at least one criterion, and weights that can be normalised. */
export function parseCriteria(inputs: CriterionInput[]): Criterion[] {
	if (inputs.length === 0) {
		throw new ScoringConfigError('Add at least one criterion: the Criteria list is empty', 'Criteria', 'Criteria');
	}
	const criteria = inputs.map((input, index) => parseCriterion(input, index + 1));
	if (criteria.every((criterion) => criterion.weight === 0)) {
		throw new ScoringConfigError(
			'Criteria: every Weight is 0, so the score cannot be weighted: give at least one criterion a weight above 0',
			'Criteria',
			CRITERION_FIELDS.weight,
		);
	}
	return criteria;
}
