/**
 * What "Push Assessment" needs from a scored CodeSignal item (the output of the CodeSignal Score node:
 * a session item with `scoring`), and the stable remote ids that make a second push of the same
 * session update rather than duplicate.
 *
 * One identity rule for every path that pushes (the live trigger, the backfill, a manual push): the
 * candidate is the session's e-mail address, normalised. It is the one key every path sees: CodeSignal's API
 * does not return a session's externalId, which only the webhook carries.
 */
import { createHash } from 'crypto';

import { resultStateOf } from '../../shared/codesignal/sessions';

export interface ScoredAssessment {
	sessionId: string;
	/** The normalised e-mail (the externalId only for a session without one). */
	candidateRemoteId: string;
	/** The applicant's id in the ATS, when the delivery carried it: written into the report. */
	externalId: string | null;
	firstName: string;
	lastName: string | null;
	email: string | null;
	testTitle: string | null;
	/** Markdown: what Endorsed's evaluator reads. */
	report: string;
	/** The scoring criteria phrased as Endorsed boolean prompts. */
	prompts: string[];
}

export interface AssessmentProblem {
	/** The item field at fault, as a user finds it in the input panel. */
	field: string;
	message: string;
}

/** A session that must not reach Endorsed: no final result, or a delivery its API read contradicts. */
export interface NotPushable {
	sessionId: string | null;
	reason: string;
}

export type ReadAssessment = { assessment: ScoredAssessment } | { problem: AssessmentProblem } | { skip: NotPushable };

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
	typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value.trim() : null);
const identifier = (value: unknown): string | null =>
	typeof value === 'number' && Number.isFinite(value) ? String(value) : text(value);

/** The one spelling of an e-mail address that every path computes alike. */
export function normalizeEmail(email: string): string {
	return email.normalize('NFC').trim().toLowerCase();
}

/**
 * A CodeSignal Trigger item that read its session carries it under `session`, and the webhook's externalId
 * (which the API does not return) beside it; the Score node scores that session.
 */
function sessionOf(item: Json): Json {
	if (!isObject(item.session)) return item;
	return { ...item.session, externalId: item.externalId ?? item.session.externalId };
}

/** Why the session must not be pushed, or null when it may. */
function notPushableBecause(item: Json, session: Json): string | null {
	const apiCheck = isObject(item.apiCheck) ? item.apiCheck : undefined;
	if (apiCheck?.matchesEvent === false) {
		return `The CodeSignal Trigger flagged this delivery: ${text(apiCheck.problem) ?? 'its session contradicts its event'}`;
	}
	// Items built by hand may carry no status: they are taken as they are.
	if (typeof session.status !== 'string') return null;
	const state = resultStateOf(session as Parameters<typeof resultStateOf>[0]);
	if (state === 'ready' || state === 'notVerified') return null;
	return state === 'awaitingVerification'
		? 'The session awaits proctoring verification: its result is not final yet'
		: `The session has no final result (status "${session.status}")`;
}

export function readScoredAssessment(item: Json): ReadAssessment {
	const scoring = item.scoring;
	const session = sessionOf(item);
	const skipReason = notPushableBecause(item, session);
	if (skipReason !== null) return { skip: { sessionId: identifier(session.id) ?? identifier(item.testSessionId), reason: skipReason } };
	if (!isObject(scoring)) {
		return {
			problem: {
				field: 'scoring',
				message: 'The item has no "scoring" field: pass the output of the CodeSignal Score node to this operation',
			},
		};
	}
	const report = scoring.report;
	if (typeof report !== 'string' || !report.trim()) {
		return { problem: { field: 'scoring.report', message: 'The item\'s "scoring.report" is missing or empty' } };
	}
	const prompts = scoring.prompts;
	if (!Array.isArray(prompts) || prompts.some((prompt) => typeof prompt !== 'string')) {
		return { problem: { field: 'scoring.prompts', message: 'The item\'s "scoring.prompts" must be a list of texts' } };
	}
	const sessionId = identifier(session.id);
	if (sessionId === null) {
		return { problem: { field: 'id', message: 'The item has no test session "id"' } };
	}
	const candidate = isObject(session.candidate) ? session.candidate : {};
	const email = text(candidate.email);
	if (email !== null && !email.includes('@')) {
		return {
			problem: {
				field: 'candidate.email',
				message: `The item's "candidate.email" (${email}) is not an e-mail address`,
			},
		};
	}
	const externalId = identifier(session.externalId);
	const candidateRemoteId = email !== null ? normalizeEmail(email) : externalId;
	if (candidateRemoteId === null) {
		return {
			problem: {
				field: 'candidate.email',
				message:
					'The item has neither "candidate.email" nor "externalId": one of them is needed to identify the candidate in Endorsed',
			},
		};
	}
	const test = isObject(session.test) ? session.test : {};
	return {
		assessment: {
			sessionId,
			candidateRemoteId,
			externalId,
			...candidateName(candidate, email ?? candidateRemoteId),
			email,
			testTitle: text(test.title),
			report,
			prompts: [...new Set(prompts.map((prompt: string) => prompt.trim()).filter(Boolean))],
		},
	};
}

/** Endorsed requires a first name: the first name, else the full name's first word, else the e-mail's local part. */
function candidateName(candidate: Json, fallback: string): { firstName: string; lastName: string | null } {
	const [firstWord, ...rest] = (text(candidate.name) ?? '').split(/\s+/);
	return {
		firstName: text(candidate.firstName) ?? (firstWord || fallback.split('@')[0]),
		lastName: text(candidate.lastName) ?? (rest.length ? rest.join(' ') : null),
	};
}

/** One report per session: a re-run replaces it. */
export function attachmentRemoteId(sessionId: string): string {
	return `codesignal-session-${sessionId}`;
}

/** The report as Endorsed gets it: the Score node's text, and the externalId when this path knows it. */
export function reportText(assessment: Pick<ScoredAssessment, 'report' | 'externalId'>): string {
	return assessment.externalId ? `${assessment.report.trimEnd()}\n\n- External ID: ${assessment.externalId}\n` : assessment.report;
}

/**
 * The report's file name says what it holds: a hash of the Score node's text and whether the externalId is in
 * it. A push whose file name is already stored (or one that would only drop the externalId) writes nothing.
 */
export function reportFileName(assessment: Pick<ScoredAssessment, 'sessionId' | 'report' | 'externalId'>): string {
	const hash = createHash('sha256').update(assessment.report).digest('hex').slice(0, 12);
	return `codesignal-session-${assessment.sessionId}-${hash}${assessment.externalId ? '-ext' : ''}.md`;
}

/** Whether the stored report (by its file name) already says everything this push would write. */
export function reportIsCurrent(storedFileName: unknown, assessment: Pick<ScoredAssessment, 'sessionId' | 'report' | 'externalId'>): boolean {
	if (typeof storedFileName !== 'string') return false;
	const wanted = reportFileName({ ...assessment, externalId: null }).replace(/\.md$/, '');
	return storedFileName === `${wanted}-ext.md` || (storedFileName === `${wanted}.md` && !assessment.externalId);
}

/**
 * One nomination per candidate and job, whichever session led to it. `job` is the job as the push
 * names it (its UUID or `remote.<id>`), so that finding the nomination needs no read of the job.
 */
export function nominationRemoteId(job: string, candidateRemoteId: string): string {
	return `codesignal-${job}-${candidateRemoteId}`;
}
