/**
 * Whether what CodeSignal's API says of a session contradicts the delivery that named it. The body is not
 * signed, so a captured signature can be replayed with another session id, or with a session that has not
 * finished; the API is the authority. An event describes a moment: a session that has moved on since (started,
 * then finished) does not contradict it, one that has not got there yet does.
 */
import { resultStateOf, type SessionItem } from '../shared/codesignal/sessions';

type Check = (session: SessionItem) => string | null;

const where = (session: SessionItem) =>
	`CodeSignal says the session is "${session.status}"${session.verificationStatus ? ` with verification "${session.verificationStatus}"` : ''}`;

const finished: Check = (session) =>
	typeof session.finishDate === 'number' && resultStateOf(session) !== 'none' ? null : `${where(session)}, not finished`;

const verified: Check = (session) =>
	resultStateOf(session) === 'ready' && session.verificationStatus === 'verified' ? null : `${where(session)}, not verified`;

const CHECKS: Record<string, Check> = {
	companyTestSessionStarted: (session) =>
		typeof session.startDate === 'number' ? null : `${where(session)}, not started`,
	companyTestSessionFinished: (session) =>
		resultStateOf(session) === 'ready' ? null : `${where(session)}, not finished with a result`,
	preScreenResultVerificationPending: (session) =>
		finished(session) ?? (session.proctored ? null : `${where(session)}: it is not proctored`),
	preScreenResultVerified: verified,
	preScreenResultNotVerified: (session) =>
		resultStateOf(session) === 'notVerified' ? null : `${where(session)}, not failed verification`,
	preScreenCandidateDeclined: (session) => (session.status === 'declined' ? null : `${where(session)}, not declined`),
};

/** Why the session contradicts the event, or null when it does not (or the event makes no claim about it). */
export function contradiction(event: string, testSessionId: string, session: SessionItem | null): string | null {
	if (session === null) return `CodeSignal has no test session "${testSessionId}"`;
	return CHECKS[event]?.(session) ?? null;
}
