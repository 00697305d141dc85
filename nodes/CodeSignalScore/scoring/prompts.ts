/**
 * Criteria in words: the Endorsed boolean prompt ("Scored at least 70% on the CodeSignal Backend
 * assessment") and a short label. Both depend only on the criterion and the test title, never on the
 * candidate, so every candidate of a test shares the same job criteria in Endorsed.
 */
import type { Criterion, IntegrityExpectation, VerificationStatus } from './criteria';
import { languageName } from './languages';
import { COMPARISON_SYMBOLS, COMPARISON_WORDS, NUMERIC_METRIC_DEFINITIONS } from './numericMetrics';

/** "the CodeSignal Backend assessment", "the CodeSignal Backend Engineer Assessment", "the CodeSignal assessment". */
export function assessmentName(testTitle: string | null | undefined): string {
	const title = typeof testTitle === 'string' ? testTitle.replace(/\s+/g, ' ').trim() : '';
	if (!title) return 'the CodeSignal assessment';
	const named = /^codesignal\b/i.test(title) ? title : `CodeSignal ${title}`;
	return /\bassessment$/i.test(title) ? `the ${named}` : `the ${named} assessment`;
}

const VERIFICATION_PROMPTS: Record<VerificationStatus, (assessment: string) => string> = {
	verified: (assessment) => `Passed CodeSignal's proctoring verification for ${assessment}`,
	notVerified: (assessment) => `Did not pass CodeSignal's proctoring verification for ${assessment}`,
	pending: (assessment) => `Has CodeSignal's proctoring verification pending for ${assessment}`,
};

const INTEGRITY_PROMPTS: Record<IntegrityExpectation, (assessment: string) => string> = {
	notFlagged: (assessment) => `Completed ${assessment} without being flagged for integrity review`,
	flagged: (assessment) => `Was flagged for integrity review on ${assessment}`,
};

export function criterionPrompt(criterion: Criterion, testTitle: string | null | undefined): string {
	const assessment = assessmentName(testTitle);
	switch (criterion.metric) {
		case 'language': {
			const language = languageName(criterion.threshold);
			return criterion.comparison === 'used' ? `Used ${language} in ${assessment}` : `Did not use ${language} in ${assessment}`;
		}
		case 'verificationStatus':
			return VERIFICATION_PROMPTS[criterion.threshold](assessment);
		case 'integrityFlag':
			return INTEGRITY_PROMPTS[criterion.threshold](assessment);
		default: {
			const metric = NUMERIC_METRIC_DEFINITIONS[criterion.metric];
			return metric.prompt(`${COMPARISON_WORDS[criterion.comparison]} ${metric.format(criterion.threshold)}`, assessment);
		}
	}
}

const VERIFICATION_LABELS: Record<VerificationStatus, string> = {
	verified: 'Proctoring verified',
	notVerified: 'Proctoring not verified',
	pending: 'Proctoring verification pending',
};

const INTEGRITY_LABELS: Record<IntegrityExpectation, string> = {
	notFlagged: 'No integrity flag',
	flagged: 'Integrity flag',
};

/** The user's label, else a short generated one: "Score ≥ 70%", "Uses Python". */
export function criterionLabel(criterion: Criterion): string {
	if (criterion.label) return criterion.label;
	switch (criterion.metric) {
		case 'language': {
			const language = languageName(criterion.threshold);
			return criterion.comparison === 'used' ? `Uses ${language}` : `Does not use ${language}`;
		}
		case 'verificationStatus':
			return VERIFICATION_LABELS[criterion.threshold];
		case 'integrityFlag':
			return INTEGRITY_LABELS[criterion.threshold];
		default: {
			const metric = NUMERIC_METRIC_DEFINITIONS[criterion.metric];
			return `${metric.name} ${COMPARISON_SYMBOLS[criterion.comparison]} ${metric.format(criterion.threshold)}`;
		}
	}
}
