/**
 * One session against the criteria: each criterion's actual value and outcome, the weighted score,
 * whether every dealbreaker holds, and the tier.
 */
import type { SessionItem } from '../../shared/codesignal/sessions';
import type { Criterion, IntegrityCriterion, LanguageCriterion, NumericCriterion, VerificationCriterion } from './criteria';
import { roundTo2 } from './format';
import { languageName, sameLanguage } from './languages';
import { COMPARISON_WORDS, compareNumbers, NUMERIC_METRIC_DEFINITIONS } from './numericMetrics';
import { criterionLabel, criterionPrompt } from './prompts';
import {
	integrityFlagged,
	languagesUsed,
	noIntegrityReason,
	noLanguagesReason,
	VERIFICATION_WORDS,
} from './sessionState';
import { tierFor, type Tiers } from './tiers';

export type ActualValue = number | string | string[] | boolean | null;

export interface CriterionOutcome {
	label: string;
	/** The criterion as an Endorsed boolean prompt. */
	prompt: string;
	metric: Criterion['metric'];
	comparison: Criterion['comparison'];
	threshold: Criterion['threshold'];
	weight: number;
	required: boolean;
	/** What the session shows for the metric; null when missing. */
	actual: ActualValue;
	met: boolean;
	/** Why the criterion is not met (or could not be checked); null when met. */
	reason: string | null;
	/** Share of the 0-100 score this criterion earned: its normalised weight when met, else 0. */
	points: number;
}

export interface Assessment {
	/** Weighted score 0-100, two decimals. */
	score: number;
	/** Every required criterion is met. */
	passed: boolean;
	tier: string;
	criteria: CriterionOutcome[];
}

type Check = { actual: ActualValue; met: boolean; reason: string | null };

const notMet = (actual: ActualValue, reason: string): Check => ({ actual, met: false, reason });
const met = (actual: ActualValue): Check => ({ actual, met: true, reason: null });

function checkNumber(session: SessionItem, criterion: NumericCriterion): Check {
	const metric = NUMERIC_METRIC_DEFINITIONS[criterion.metric];
	const actual = metric.read(session);
	if (actual === null) return notMet(null, metric.missing(session));
	if (compareNumbers(actual, criterion.comparison, criterion.threshold)) return met(actual);
	const needed = `${COMPARISON_WORDS[criterion.comparison]} ${metric.format(criterion.threshold)}`;
	return notMet(actual, `Got ${metric.format(actual)}, needed ${needed}`);
}

function checkLanguage(session: SessionItem, criterion: LanguageCriterion): Check {
	const used = languagesUsed(session);
	if (used === null) return notMet(null, noLanguagesReason(session));
	const language = languageName(criterion.threshold);
	const usedIt = used.some((name) => sameLanguage(name, language));
	if (usedIt === (criterion.comparison === 'used')) return met(used);
	if (usedIt) return notMet(used, `Used ${language}`);
	return notMet(used, used.length ? `Used ${used.join(', ')}, not ${language}` : 'Used no programming language');
}

function checkVerification(session: SessionItem, criterion: VerificationCriterion): Check {
	const status = typeof session.verificationStatus === 'string' ? session.verificationStatus : null;
	if (status === null) return notMet(null, 'The session is not proctored, so it has no verification status');
	if (status === criterion.threshold) return met(status);
	const words = (value: string) => VERIFICATION_WORDS[value] ?? value;
	return notMet(status, `Verification is ${words(status)}, needed ${words(criterion.threshold)}`);
}

function checkIntegrity(session: SessionItem, criterion: IntegrityCriterion): Check {
	const flagged = integrityFlagged(session);
	if (flagged === null) return notMet(null, noIntegrityReason(session));
	if (flagged === (criterion.threshold === 'flagged')) return met(flagged);
	return notMet(flagged, flagged ? 'Flagged for integrity review' : 'Not flagged for integrity review');
}

function check(session: SessionItem, criterion: Criterion): Check {
	switch (criterion.metric) {
		case 'language':
			return checkLanguage(session, criterion);
		case 'verificationStatus':
			return checkVerification(session, criterion);
		case 'integrityFlag':
			return checkIntegrity(session, criterion);
		default:
			return checkNumber(session, criterion);
	}
}

/** Criteria must come from parseCriteria (at least one weight above 0). */
export function assessSession(session: SessionItem, criteria: Criterion[], tiers: Tiers): Assessment {
	const totalWeight = criteria.reduce((sum, criterion) => sum + criterion.weight, 0);
	const outcomes = criteria.map((criterion): CriterionOutcome => {
		const { actual, met: isMet, reason } = check(session, criterion);
		return {
			label: criterionLabel(criterion),
			prompt: criterionPrompt(criterion, session.test?.title),
			metric: criterion.metric,
			comparison: criterion.comparison,
			threshold: criterion.threshold,
			weight: criterion.weight,
			required: criterion.required,
			actual,
			met: isMet,
			reason,
			points: isMet ? roundTo2((criterion.weight / totalWeight) * 100) : 0,
		};
	});
	const earned = criteria.reduce((sum, criterion, index) => sum + (outcomes[index].met ? criterion.weight : 0), 0);
	const score = roundTo2((earned / totalWeight) * 100);
	const passed = outcomes.every((outcome) => outcome.met || !outcome.required);
	return { score, passed, tier: tierFor(score, passed, tiers), criteria: outcomes };
}
