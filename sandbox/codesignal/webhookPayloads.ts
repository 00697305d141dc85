/** Payloads for CodeSignal's 20 webhook events, built from the store (shapes as in the published samples). */
import { SandboxError } from './errors';
import type {
	LiveInterviewRecord,
	SessionRecord,
	TestRecord,
	TestSessionStatus,
	VerificationStatus,
} from './model';
import { Random } from './random';
import { resultUrl, sessionScore } from './resultDetails';
import type { SandboxStore } from './store';

const CURRENT_WEBHOOK_EVENTS = [
	'assessmentCreated',
	'assessmentUpdated',
	'companyTestSessionCreated',
	'companyTestSessionStarted',
	'companyTestSessionFinished',
	'preScreenCandidateDeclined',
	'preScreenResultShared',
	'preScreenExpired',
	'preScreenResultVerificationPending',
	'preScreenResultVerified',
	'preScreenResultNotVerified',
	'preScreenIntegrityReviewUpdated',
	'liveInterviewFinished',
	'liveInterviewFeedbackUpdated',
] as const;

/** Removed from the docs in 2025; older accounts may still send them. */
const LEGACY_WEBHOOK_EVENTS = [
	'certificationResultPending',
	'certificationResultNotCertified',
	'certificationResultShared',
	'certificationRequestExpired',
	'certificationRequestRejected',
	'certificationRequestsMerged',
] as const;

export const WEBHOOK_EVENTS: readonly string[] = [
	...CURRENT_WEBHOOK_EVENTS,
	...LEGACY_WEBHOOK_EVENTS,
];

type Payload = Record<string, unknown>;

/** Which session an event is about when none is named: one whose state fits the event. */
interface SessionFit {
	status: TestSessionStatus;
	proctored: boolean;
	verification?: VerificationStatus;
}

const SESSION_FITS: Record<string, SessionFit> = {
	companyTestSessionCreated: { status: 'pending', proctored: false },
	companyTestSessionStarted: { status: 'active', proctored: false },
	companyTestSessionFinished: { status: 'over', proctored: false },
	preScreenCandidateDeclined: { status: 'declined', proctored: true },
	preScreenExpired: { status: 'expired', proctored: true },
	preScreenResultShared: { status: 'over', proctored: true, verification: 'verified' },
	preScreenResultVerificationPending: { status: 'over', proctored: true, verification: 'pending' },
	preScreenResultVerified: { status: 'over', proctored: true, verification: 'verified' },
	preScreenResultNotVerified: { status: 'over', proctored: true, verification: 'notVerified' },
	preScreenIntegrityReviewUpdated: { status: 'over', proctored: true },
	certificationResultPending: { status: 'over', proctored: true, verification: 'pending' },
	certificationResultNotCertified: { status: 'over', proctored: true, verification: 'notVerified' },
	certificationResultShared: { status: 'over', proctored: true, verification: 'verified' },
	certificationRequestExpired: { status: 'expired', proctored: true },
	certificationRequestRejected: { status: 'declined', proctored: true },
	certificationRequestsMerged: { status: 'over', proctored: true },
};

function fittingSession(store: SandboxStore, fit: SessionFit): SessionRecord {
	const tests = store.tests();
	const preferred = tests.filter((test) => test.proctored === fit.proctored);
	for (const test of [...preferred, ...tests]) {
		const session = store
			.listSessions(test.id)
			.find(
				(candidate) =>
					candidate.status === fit.status &&
					(fit.verification === undefined || candidate.verificationStatus === fit.verification),
			);
		if (session) return session;
	}
	const anySession = tests.map((test) => store.listSessions(test.id)[0]).find(Boolean);
	if (!anySession) throw new SandboxError('The store has no test session to build a payload from');
	return anySession;
}

function candidateName(session: SessionRecord): string {
	return [session.testTaker.firstName, session.testTaker.lastName].filter(Boolean).join(' ');
}

function certificationRequestId(session: SessionRecord): string {
	return new Random(session.detailSeed + 3).id();
}

function person(session: SessionRecord, test: TestRecord): Payload {
	return {
		testId: test.id,
		testTitle: test.title,
		candidateEmail: session.testTaker.email,
		candidateName: candidateName(session),
	};
}

/** The result figures every scored event carries (the legacy events stop here). */
function scores(session: SessionRecord, test: TestRecord): Payload {
	const result = session.result;
	const codingScore = result?.codingScore ?? null;
	return {
		duration:
			session.startDate !== null && session.finishDate !== null
				? session.finishDate - session.startDate
				: null,
		score: result ? sessionScore(result) : null,
		maxScore: test.slots.reduce((sum, slot) => sum + slot.maxScore, 0),
		codingScore: result && codingScore !== null && sessionScore(result) === 0 ? 0 : codingScore,
	};
}

function versionedScore(session: SessionRecord): Payload {
	const value = session.result?.codingScore ?? null;
	return { versionedCodingScore: value === null ? null : { version: 'codingScore2023', value } };
}

function shared(session: SessionRecord): Payload {
	return {
		plagiarismLevel: 0,
		plagiarismLabel: '-',
		url: session.result ? resultUrl(session) : null,
	};
}

function sessionPayload(store: SandboxStore, event: string, session: SessionRecord): Payload {
	const test = store.requireTest(session.testId);
	const base = { testSessionId: session.id, ...person(session, test) };
	const rejectedReasons = session.verificationRejectionReasons ?? [];
	const certification = {
		certificationRequestId: certificationRequestId(session),
		...person(session, test),
	};
	const bodies: Record<string, () => Payload> = {
		companyTestSessionCreated: () => base,
		companyTestSessionStarted: () => base,
		preScreenCandidateDeclined: () => base,
		companyTestSessionFinished: () => ({
			...base,
			...scores(session, test),
			...versionedScore(session),
			...shared(session),
		}),
		preScreenResultShared: () => ({
			...base,
			...scores(session, test),
			...versionedScore(session),
			...shared(session),
		}),
		preScreenResultVerified: () => ({
			...base,
			...scores(session, test),
			...versionedScore(session),
			...shared(session),
		}),
		preScreenResultVerificationPending: () => ({
			...base,
			...scores(session, test),
			...versionedScore(session),
		}),
		preScreenExpired: () => ({
			...base,
			expiredReason: session.verificationStatus === 'notVerified' ? 'notCertified' : 'expired',
			rejectedReasons,
		}),
		preScreenResultNotVerified: () => ({ ...base, rejectedReasons }),
		preScreenIntegrityReviewUpdated: () => ({
			...base,
			integrityReviewSuggested: session.integrityReviewSuggested === true,
		}),
		certificationResultPending: () => ({
			certificationRequestId: certification.certificationRequestId,
			...base,
			...scores(session, test),
		}),
		certificationResultNotCertified: () => ({ ...certification, rejectedReasons }),
		certificationResultShared: () => ({
			...certification,
			sharedTestSessions: [
				{
					...scores(session, test),
					startDate: session.startDate,
					finishDate: session.finishDate,
					id: session.id,
					url: shared(session).url,
				},
			],
		}),
		certificationRequestExpired: () => ({
			...certification,
			expiredReason: 'notCertified',
			rejectedReasons,
		}),
		certificationRequestRejected: () => certification,
		certificationRequestsMerged: () => ({
			deletedRequestId: certificationRequestId(session),
			mergedRequestId: new Random(session.detailSeed + 4).id(),
		}),
	};
	const payload = bodies[event]();
	// Test-session events echo the externalId given at creation, when there is one.
	return session.externalId !== null && 'testSessionId' in payload
		? { ...payload, externalId: session.externalId }
		: payload;
}

function interviewPayload(event: string, interview: LiveInterviewRecord): Payload {
	if (event === 'liveInterviewFinished') {
		return {
			interviewId: interview.id,
			candidateName: interview.candidateName,
			candidateEmail: interview.candidateEmail,
			startDate: interview.startDate,
			endDate: interview.finishDate,
			questionsSolved: interview.questionsSolved,
			questionsAttempted: interview.questionsAttempted,
			url: `https://app.codesignal.com/client-dashboard/interviews?status=over&liveInterviewId=${interview.id}`,
		};
	}
	const feedback = interview.interviewersFeedback[0];
	if (!feedback) {
		throw new SandboxError(`Live interview "${interview.id}" has no interviewer feedback`);
	}
	return {
		interviewId: interview.id,
		interviewerId: feedback.authorId,
		feedback: {
			generalNotes: feedback.notes,
			categories: feedback.categories,
			recommendedLevel: feedback.recommendedLevel,
			overallEvaluation: feedback.evaluation,
		},
	};
}

/**
 * A realistic payload for `event`. `subjectId` names the test (assessment events), test session or live
 * interview it is about; without it, a fitting one is taken from the store.
 */
export function webhookPayload(store: SandboxStore, event: string, subjectId?: string): Payload {
	if (!WEBHOOK_EVENTS.includes(event)) {
		throw new SandboxError(`Unknown CodeSignal webhook event "${event}"`);
	}
	if (event === 'assessmentCreated' || event === 'assessmentUpdated') {
		const test = subjectId ? store.requireTest(subjectId) : store.tests()[0];
		if (!test) throw new SandboxError('The store has no test to build a payload from');
		return { assessmentId: test.id, assessmentTitle: test.title, assessmentStatus: test.status };
	}
	if (event === 'liveInterviewFinished' || event === 'liveInterviewFeedbackUpdated') {
		const interview = subjectId
			? store.requireLiveInterview(subjectId)
			: store.liveInterviews().find((candidate) => candidate.interviewersFeedback.length > 0);
		if (!interview) {
			throw new SandboxError('The store has no finished live interview to build a payload from');
		}
		return interviewPayload(event, interview);
	}
	const session = subjectId
		? store.requireSession(subjectId)
		: fittingSession(store, SESSION_FITS[event]);
	return sessionPayload(store, event, session);
}
