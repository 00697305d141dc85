/**
 * Every webhook event CodeSignal sends, and what a trigger's event selection means.
 */

/** What an event is about, which decides the ids its payload carries. */
export type WebhookSubject = 'assessment' | 'testSession' | 'liveInterview' | 'certificationRequest';

export interface CodeSignalEvent {
	/** The name CodeSignal sends in `event`. */
	name: string;
	displayName: string;
	description: string;
	subject: WebhookSubject;
	/** Removed from CodeSignal's documentation in 2025 with the Certify product; older accounts may still send it. */
	legacy: boolean;
}

/** Selects every delivery, legacy and not-yet-known events included. */
export const ALL_EVENTS = '*';

/** Selects the two events after which a session's result can be read: see RESULT_READY_EVENTS. */
export const RESULT_READY = 'resultReady';

/** A non-proctored session is final when it finishes; a proctored one only once its recording is verified. */
export const RESULT_READY_EVENTS: readonly string[] = ['companyTestSessionFinished', 'preScreenResultVerified'];

const current = (
	name: string,
	displayName: string,
	description: string,
	subject: WebhookSubject,
): CodeSignalEvent => ({ name, displayName, description, subject, legacy: false });

const legacy = (name: string, displayName: string, description: string): CodeSignalEvent => ({
	name,
	displayName,
	description,
	subject: 'certificationRequest',
	legacy: true,
});

export const CODESIGNAL_EVENTS: readonly CodeSignalEvent[] = [
	current('assessmentCreated', 'Assessment Created', 'A test was created', 'assessment'),
	current('assessmentUpdated', 'Assessment Updated', 'A test was changed, archived or restored', 'assessment'),
	current('companyTestSessionCreated', 'Test Session Created', 'A candidate was invited to a test', 'testSession'),
	current('companyTestSessionStarted', 'Test Session Started', 'A candidate started a test', 'testSession'),
	current(
		'companyTestSessionFinished',
		'Test Session Finished',
		'A candidate finished a test that is not proctored: its result is ready',
		'testSession',
	),
	current(
		'preScreenCandidateDeclined',
		'Pre-Screen Candidate Declined',
		'A candidate declined a proctored Pre-Screen invitation',
		'testSession',
	),
	current(
		'preScreenResultShared',
		'Pre-Screen Result Shared',
		'A candidate shared an existing verified Pre-Screen result',
		'testSession',
	),
	current('preScreenExpired', 'Pre-Screen Expired', 'A Pre-Screen invitation expired', 'testSession'),
	current(
		'preScreenResultVerificationPending',
		'Pre-Screen Result Verification Pending',
		'A proctored session finished and awaits review of its recording',
		'testSession',
	),
	current(
		'preScreenResultVerified',
		'Pre-Screen Result Verified',
		'A proctored result passed review: its result is ready',
		'testSession',
	),
	current(
		'preScreenResultNotVerified',
		'Pre-Screen Result Not Verified',
		'A proctored result failed review',
		'testSession',
	),
	current(
		'preScreenIntegrityReviewUpdated',
		'Pre-Screen Integrity Review Updated',
		'The integrity review of a proctored session changed',
		'testSession',
	),
	current('liveInterviewFinished', 'Live Interview Finished', 'A live interview ended', 'liveInterview'),
	current(
		'liveInterviewFeedbackUpdated',
		'Live Interview Feedback Updated',
		'An interviewer saved feedback on a live interview',
		'liveInterview',
	),
	legacy('certificationResultPending', 'Certification Result Pending', 'A certification attempt awaits review'),
	legacy('certificationResultNotCertified', 'Certification Result Not Certified', 'A certification attempt failed review'),
	legacy('certificationResultShared', 'Certification Result Shared', 'A candidate shared certified results'),
	legacy('certificationRequestExpired', 'Certification Request Expired', 'A certification request expired'),
	legacy('certificationRequestRejected', 'Certification Request Rejected', 'A candidate rejected a certification request'),
	legacy('certificationRequestsMerged', 'Certification Requests Merged', 'Two certification requests were merged into one'),
];

const EVENTS_BY_NAME = new Map(CODESIGNAL_EVENTS.map((event) => [event.name, event]));

export function codeSignalEvent(name: string): CodeSignalEvent | undefined {
	return EVENTS_BY_NAME.get(name);
}

export function isResultReadyEvent(name: string): boolean {
	return RESULT_READY_EVENTS.includes(name);
}

/** Whether a trigger whose selection is `selection` (event names, ALL_EVENTS, RESULT_READY) runs for `event`. */
export function isEventSelected(event: string, selection: readonly string[]): boolean {
	return (
		selection.includes(ALL_EVENTS) ||
		selection.includes(event) ||
		(selection.includes(RESULT_READY) && isResultReadyEvent(event))
	);
}
