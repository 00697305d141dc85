/**
 * What "Push Assessment" needs from a scored CodeSignal item (the output of the CodeSignal Score node:
 * a session item with `scoring`), and the stable remote ids that make a second push of the same
 * session update rather than duplicate.
 */

export interface ScoredAssessment {
	sessionId: string;
	/** The session's externalId when it has one (the applicant's id in the ATS), else the e-mail. */
	candidateRemoteId: string;
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

export type ReadAssessment = { assessment: ScoredAssessment } | { problem: AssessmentProblem };

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
	typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value.trim() : null);
const identifier = (value: unknown): string | null =>
	typeof value === 'number' && Number.isFinite(value) ? String(value) : text(value);

/**
 * A CodeSignal Trigger item with "Fetch Full Session" carries the session under `session`, and the
 * webhook's externalId (which the API does not return) beside it; the Score node scores that session.
 */
function sessionOf(item: Json): Json {
	if (!isObject(item.session)) return item;
	return { ...item.session, externalId: item.externalId ?? item.session.externalId };
}

export function readScoredAssessment(item: Json): ReadAssessment {
	const scoring = item.scoring;
	const session = sessionOf(item);
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
	const candidateRemoteId = externalId ?? email?.toLowerCase() ?? null;
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

export function reportFileName(sessionId: string): string {
	return `codesignal-session-${sessionId}.md`;
}

/**
 * One nomination per candidate and job, whichever session led to it. `job` is the job as the push
 * names it (its UUID or `remote.<id>`), so that finding the nomination needs no read of the job.
 */
export function nominationRemoteId(job: string, candidateRemoteId: string): string {
	return `codesignal-${job}-${candidateRemoteId}`;
}
