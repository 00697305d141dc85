/**
 * What Endorsed must hold once every finished CodeSignal session has been pushed, however many paths pushed it
 * (live, backfill, a repeat): for each session exactly one candidate (the person: the same e-mail, any case, or
 * the session's externalId as remote id), one report (`codesignal-session-<id>`) on that candidate and one
 * nomination of that candidate to the job; and nothing else. A pure function of Endorsed's records, so that any
 * torture run can audit the sandbox's state (GET /__sandbox/state) with it.
 *
 * The audit decides "same person" on its own terms, not with the package's identity rule, so that a mistake in
 * that rule shows as a duplicate here rather than being mirrored.
 */

export interface AuditedCandidate {
	id: string;
	remote_id: string;
	email_addresses: Array<{ value: string }>;
	attachments: Array<{ remote_id: string }>;
}

export interface AuditedNomination {
	id: string;
	job_id: string;
	candidate_id: string;
}

/** The parts of Endorsed's state the audit reads (the Endorsed sandbox's GET /__sandbox/state has them). */
export interface EndorsedRecords {
	candidates: AuditedCandidate[];
	nominations: AuditedNomination[];
}

/** A session that finished and must be in Endorsed once. */
export interface PushedSession {
	sessionId: string;
	email: string | null;
	/** Given when the session was created (an ATS id); only webhooks carry it. */
	externalId: string | null;
}

export interface AuditExpectations {
	/** The job every push nominates to (its Endorsed id). */
	jobId: string;
	pushed: PushedSession[];
	/** Sessions no report may exist for (never finished, or only named by refused deliveries). */
	notPushed?: string[];
}

export interface AuditFinding {
	/** The session it is about, when there is one. */
	sessionId?: string;
	/** What is wrong, in a line. */
	problem: string;
}

export interface EndorsedAudit {
	sessions: number;
	/** Sessions with exactly one candidate, one report on it and one nomination to the job. */
	complete: number;
	/** Sessions without a candidate, a report or a nomination. */
	missing: AuditFinding[];
	/** Second candidates for one person, second reports for one session, second nominations for one candidate. */
	duplicated: AuditFinding[];
	/** Records no pushed session explains, a report on another candidate, reports of sessions never pushed. */
	unexpected: AuditFinding[];
}

export const reportRemoteId = (sessionId: string): string => `codesignal-session-${sessionId}`;

const sameAddress = (email: string) => email.trim().toLowerCase();

function isCandidateOf(candidate: AuditedCandidate, session: PushedSession): boolean {
	const email = session.email === null ? null : sameAddress(session.email);
	if (email !== null) {
		if (sameAddress(candidate.remote_id) === email) return true;
		if (candidate.email_addresses.some((address) => sameAddress(address.value) === email)) return true;
	}
	return session.externalId !== null && candidate.remote_id === session.externalId;
}

export function auditEndorsed(records: EndorsedRecords, expected: AuditExpectations): EndorsedAudit {
	const audit: EndorsedAudit = { sessions: expected.pushed.length, complete: 0, missing: [], duplicated: [], unexpected: [] };
	const explainedCandidates = new Set<string>();
	const explainedReports = new Set<string>();
	const explainedNominations = new Set<string>();
	const reportsById = new Map<string, AuditedCandidate[]>();
	for (const candidate of records.candidates) {
		for (const attachment of candidate.attachments) {
			reportsById.set(attachment.remote_id, [...(reportsById.get(attachment.remote_id) ?? []), candidate]);
		}
	}

	for (const session of expected.pushed) {
		const { sessionId } = session;
		const candidates = records.candidates.filter((candidate) => isCandidateOf(candidate, session));
		const holders = reportsById.get(reportRemoteId(sessionId)) ?? [];
		const nominations = records.nominations.filter(
			(nomination) =>
				nomination.job_id === expected.jobId && candidates.some((candidate) => candidate.id === nomination.candidate_id),
		);
		candidates.forEach((candidate) => explainedCandidates.add(candidate.id));
		nominations.forEach((nomination) => explainedNominations.add(nomination.id));
		explainedReports.add(reportRemoteId(sessionId));

		const problems = audit.missing.length + audit.duplicated.length + audit.unexpected.length;
		if (candidates.length === 0) audit.missing.push({ sessionId, problem: 'no candidate' });
		if (candidates.length > 1) {
			const ids = candidates.map((candidate) => candidate.remote_id).join(', ');
			audit.duplicated.push({ sessionId, problem: `${candidates.length} candidates for one person (${ids})` });
		}
		if (holders.length === 0) audit.missing.push({ sessionId, problem: 'no report' });
		if (holders.length > 1) audit.duplicated.push({ sessionId, problem: `${holders.length} reports` });
		if (holders.length > 0 && !holders.every((holder) => candidates.includes(holder))) {
			audit.unexpected.push({ sessionId, problem: 'its report is on a candidate who is not this person' });
		}
		if (nominations.length === 0) audit.missing.push({ sessionId, problem: 'no nomination to the job' });
		if (nominations.length > 1) audit.duplicated.push({ sessionId, problem: `${nominations.length} nominations to the job` });
		if (audit.missing.length + audit.duplicated.length + audit.unexpected.length === problems) audit.complete++;
	}

	for (const sessionId of expected.notPushed ?? []) {
		if (reportsById.has(reportRemoteId(sessionId))) {
			audit.unexpected.push({ sessionId, problem: 'a report of a session that was never pushed' });
		}
		explainedReports.add(reportRemoteId(sessionId));
	}
	for (const candidate of records.candidates) {
		if (!explainedCandidates.has(candidate.id)) {
			audit.unexpected.push({ problem: `candidate ${candidate.remote_id}, who took none of the sessions pushed` });
		}
		for (const attachment of candidate.attachments) {
			if (!explainedReports.has(attachment.remote_id)) {
				audit.unexpected.push({ problem: `attachment ${attachment.remote_id}, of no session pushed` });
			}
		}
	}
	for (const nomination of records.nominations) {
		if (!explainedNominations.has(nomination.id)) {
			audit.unexpected.push({ problem: `nomination ${nomination.id} (job ${nomination.job_id}), of no session pushed` });
		}
	}
	return audit;
}
