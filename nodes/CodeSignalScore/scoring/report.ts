/**
 * The readable report of an assessment, in markdown. It is what Endorsed reads as the candidate's
 * attachment, so its "Criteria" section follows the evaluator's conventions: one `- MET: <prompt>` or
 * `- NOT MET: <prompt>` line per criterion, with the exact prompt text, and one `Overall score: N/100`
 * line; no other line can read as one. It depends only on the session and the criteria (no
 * run-dependent rank, no time zone, no externalId, which only the live path knows and Push Assessment adds),
 * so the same session gives the same text whichever path scores it.
 */
import { DateTime } from 'luxon';

import type { SessionItem } from '../../shared/codesignal/sessions';
import type { Assessment, CriterionOutcome } from './evaluate';
import { finiteOrNull, formatNumber } from './format';
import { NUMERIC_METRIC_DEFINITIONS } from './numericMetrics';
import {
	integrityFlagged,
	languagesUsed,
	noIntegrityReason,
	noLanguagesReason,
	VERIFICATION_WORDS,
} from './sessionState';

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value.trim() : null);

function describeScore(session: SessionItem): string {
	const score = finiteOrNull(session.score);
	if (score === null) return NUMERIC_METRIC_DEFINITIONS.score.missing(session);
	const maxScore = finiteOrNull(session.maxScore);
	const percent = finiteOrNull(session.scorePercent);
	if (maxScore === null) return `${formatNumber(score)} (no maximum score)`;
	return `${formatNumber(score)}/${formatNumber(maxScore)}${percent === null ? '' : ` (${formatNumber(percent)}%)`}`;
}

function describeCodingScore(session: SessionItem): string {
	const value = finiteOrNull(session.codingScore?.value);
	if (value === null) return NUMERIC_METRIC_DEFINITIONS.codingScore.missing(session);
	const min = finiteOrNull(session.codingScore?.min);
	const max = finiteOrNull(session.codingScore?.max);
	if (min === null || max === null) return formatNumber(value);
	return `${formatNumber(value)} (range ${formatNumber(min)}–${formatNumber(max)})`;
}

function describeSolvedTasks(session: SessionItem): string {
	const solved = finiteOrNull(session.solvedTaskCount);
	if (solved === null) return NUMERIC_METRIC_DEFINITIONS.solvedTaskCount.missing(session);
	const total = finiteOrNull(session.taskCount);
	return total === null ? formatNumber(solved) : `${formatNumber(solved)} of ${formatNumber(total)}`;
}

function describeLanguages(session: SessionItem): string {
	const used = languagesUsed(session);
	if (used === null) return noLanguagesReason(session);
	return used.length ? used.join(', ') : 'none';
}

function describeVerification(session: SessionItem): string {
	const status = text(session.verificationStatus);
	return status === null ? 'not proctored' : (VERIFICATION_WORDS[status] ?? status);
}

function describeIntegrity(session: SessionItem): string {
	const flagged = integrityFlagged(session);
	if (flagged === null) return noIntegrityReason(session);
	return flagged ? 'flagged for review' : 'no flag';
}

function describeTimeTaken(session: SessionItem): string {
	const minutes = NUMERIC_METRIC_DEFINITIONS.timeTakenMinutes;
	const value = minutes.read(session);
	return value === null ? minutes.missing(session) : minutes.format(value);
}

/** The actual value of a criterion that was met, as the report shows it. */
function describeActual(outcome: CriterionOutcome): string {
	const { actual, metric } = outcome;
	if (typeof actual === 'number' && metric in NUMERIC_METRIC_DEFINITIONS) {
		return NUMERIC_METRIC_DEFINITIONS[metric as keyof typeof NUMERIC_METRIC_DEFINITIONS].format(actual);
	}
	if (Array.isArray(actual)) return actual.length ? `used ${actual.join(', ')}` : 'used no programming language';
	if (typeof actual === 'boolean') return actual ? 'flagged for integrity review' : 'not flagged for integrity review';
	return typeof actual === 'string' ? (VERIFICATION_WORDS[actual] ?? actual) : 'unknown';
}

function criterionLines(outcome: CriterionOutcome): string[] {
	const terms = `${outcome.label}, weight ${formatNumber(outcome.weight)}${outcome.required ? ', required' : ''}`;
	// The detail line starts with a fixed word so that no label can make it read as a statement.
	const detail = outcome.met ? `Actual: ${describeActual(outcome)}` : `Reason: ${outcome.reason}`;
	return [`- ${outcome.met ? 'MET' : 'NOT MET'}: ${outcome.prompt}`, `  - ${detail} (${terms})`];
}

/**
 * In UTC, not the workflow's time zone: the live workflow and the backfill may run in different zones, and the
 * same session must give the same report whichever path pushes it.
 */
function finishedInUtc(session: SessionItem): string | null {
	const finishDate = finiteOrNull(session.finishDate);
	return finishDate === null ? null : DateTime.fromMillis(finishDate, { zone: 'utc' }).toISO();
}

export function buildAssessmentReport(session: SessionItem, assessment: Assessment): string {
	const candidate = session.candidate ?? { name: null, email: null };
	const candidateName = text(candidate.name) ?? text(candidate.email) ?? 'Unknown candidate';
	const testTitle = text(session.test?.title) ?? 'Unknown test';
	const lines = [
		`# CodeSignal assessment: ${candidateName}`,
		'',
		'## Candidate',
		`- Name: ${text(candidate.name) ?? 'unknown'}`,
		`- E-mail: ${text(candidate.email) ?? 'unknown'}`,
		'',
		'## Assessment',
		`- Test: ${testTitle}`,
		`- Session: ${session.id} (status: ${session.status})`,
		`- Finished: ${finishedInUtc(session) ?? 'not finished'}`,
		`- Score: ${describeScore(session)}`,
		`- Coding score: ${describeCodingScore(session)}`,
		`- Solved tasks: ${describeSolvedTasks(session)}`,
		`- Languages: ${describeLanguages(session)}`,
		`- Verification: ${describeVerification(session)}`,
		`- Integrity: ${describeIntegrity(session)}`,
		`- Time taken: ${describeTimeTaken(session)}`,
		'',
		'## Criteria',
		...assessment.criteria.flatMap(criterionLines),
		'',
		`Overall score: ${Math.round(assessment.score)}/100`,
		`Tier: ${assessment.tier}`,
		`Passed: ${assessment.passed ? 'yes, every required criterion is met' : 'no, a required criterion is not met'}`,
		'',
	];
	return lines.join('\n');
}
