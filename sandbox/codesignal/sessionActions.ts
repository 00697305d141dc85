/** The test-session mutations, with CodeSignal's rules and realistic error messages. */
import { SandboxError } from './errors';
import { DAY } from './generator';
import type {
	ReminderRecord,
	SessionRecord,
	TestRecord,
	TestSessionStatus,
	TestTakerRecord,
} from './model';
import type { SandboxStore } from './store';
import { checkEmail, checkPositiveDuration, isoDate, toTimestamp } from './validation';

export interface ReminderInput {
	templateName: string;
	timeBeforeExpiration?: number | null;
}

/** TestSessionInput. */
export interface SessionFields {
	testId: string;
	candidateFirstName?: string | null;
	candidateLastName?: string | null;
	candidateEmail?: string | null;
	noInvitationEmail?: boolean | null;
	preferExisting?: boolean | null;
	emailReminders?: ReminderInput[] | null;
	customDuration?: number | null;
	expireDuration?: number | null;
	externalId?: string | null;
	postSessionRedirectUrl?: string | null;
}

const NOT_STARTED_OR_RUNNING: readonly TestSessionStatus[] = ['pending', 'active'];
const DEFAULT_REMINDER_LEAD = DAY;

function requireStatus(
	session: SessionRecord,
	allowed: readonly TestSessionStatus[],
	action: string,
): void {
	if (!allowed.includes(session.status)) {
		throw new SandboxError(
			`Cannot ${action} test session "${session.id}": status is ${session.status} (allowed: ${allowed.join(', ')})`,
		);
	}
}

function requireResult(session: SessionRecord) {
	if (!session.result) {
		throw new SandboxError(
			`Test session "${session.id}" has no result to grade (status is ${session.status})`,
		);
	}
	return session.result;
}

function reminders(test: TestRecord, inputs: ReminderInput[] | null | undefined): ReminderRecord[] {
	return (inputs ?? []).map((input) => {
		if (!test.emailReminderTemplates.some((template) => template.name === input.templateName)) {
			throw new SandboxError(
				`Reminder template "${input.templateName}" does not exist on test "${test.id}"`,
			);
		}
		checkPositiveDuration('timeBeforeExpiration', input.timeBeforeExpiration);
		return {
			templateName: input.templateName,
			timeBeforeExpiration: input.timeBeforeExpiration ?? DEFAULT_REMINDER_LEAD,
		};
	});
}

/** A new pending session of `test`, indexed and announced. */
function openSession(
	store: SandboxStore,
	test: TestRecord,
	testTaker: TestTakerRecord,
	details: Partial<SessionRecord>,
): SessionRecord {
	const now = store.now();
	const session: SessionRecord = {
		id: store.generator.newId(),
		testId: test.id,
		status: 'pending',
		statusBeforeArchive: null,
		testTaker,
		createDate: now,
		startDate: null,
		finishDate: null,
		expirationDate: now + test.defaultExpirationMs,
		customDuration: null,
		emailReminders: [],
		verificationStatus: null,
		verificationNotes: '',
		verificationRejectionReasons: null,
		integrityReviewSuggested: null,
		integrityReviewFinalized: false,
		integrations: null,
		reactivatedSession: null,
		retakeSessionId: null,
		postSessionRedirectUrl: null,
		externalId: null,
		senderId: store.senders()[0].id,
		invitationsSent: 1,
		graded: false,
		result: null,
		detailSeed: store.generator.rng.seed(),
		...details,
	};
	store.insertSession(session);
	store.emit({ event: 'companyTestSessionCreated', subjectId: session.id, at: now });
	return session;
}

export function createSession(store: SandboxStore, fields: SessionFields): SessionRecord {
	const test = store.requireTest(fields.testId);
	const email = fields.candidateEmail ?? null;
	checkEmail(email);
	if (email === null && !fields.noInvitationEmail) {
		throw new SandboxError('candidateEmail is required unless noInvitationEmail is true');
	}
	checkPositiveDuration('customDuration', fields.customDuration);
	checkPositiveDuration('expireDuration', fields.expireDuration);
	if (fields.preferExisting && email !== null) {
		const existing = store
			.listSessions(test.id)
			.find(
				(session) =>
					NOT_STARTED_OR_RUNNING.includes(session.status) &&
					session.testTaker.email?.toLowerCase() === email.toLowerCase(),
			);
		if (existing) return existing;
	}
	return openSession(
		store,
		test,
		{
			email,
			firstName: fields.candidateFirstName ?? null,
			lastName: fields.candidateLastName ?? null,
		},
		{
			expirationDate: store.now() + (fields.expireDuration ?? test.defaultExpirationMs),
			customDuration: fields.customDuration ?? null,
			emailReminders: reminders(test, fields.emailReminders),
			externalId: fields.externalId ?? null,
			postSessionRedirectUrl: fields.postSessionRedirectUrl ?? null,
			invitationsSent: fields.noInvitationEmail ? 0 : 1,
		},
	);
}

export function resendSession(store: SandboxStore, id: string): SessionRecord {
	const session = store.requireSession(id);
	requireStatus(session, ['pending'], 'resend the invitation of');
	if (!session.testTaker.email) {
		throw new SandboxError(`Test session "${id}" has no candidate email to send to`);
	}
	session.invitationsSent++;
	return session;
}

export function deleteSession(store: SandboxStore, id: string): string {
	const session = store.requireSession(id);
	if (session.status === 'deleted' || session.status === 'deletedForPii') {
		throw new SandboxError(`Test session "${id}" is already deleted`);
	}
	session.status = 'deleted';
	return id;
}

export function archiveSession(store: SandboxStore, id: string): SessionRecord {
	const session = store.requireSession(id);
	if (session.status === 'archived') {
		throw new SandboxError(`Test session "${id}" is already archived`);
	}
	if (session.status === 'deleted' || session.status === 'deletedForPii') {
		throw new SandboxError(`Cannot archive test session "${id}": it is deleted`);
	}
	session.statusBeforeArchive = session.status;
	session.status = 'archived';
	return session;
}

/** Notes of the proctoring review: each note is kept, the new one on a line after the earlier ones. */
export function appendVerificationNote(store: SandboxStore, id: string, note: string): SessionRecord {
	const session = store.requireSession(id);
	if (note.trim() === '') throw new SandboxError('note must not be empty');
	session.verificationNotes = session.verificationNotes === '' ? note : `${session.verificationNotes}\n${note}`;
	return session;
}

export function unarchiveSession(store: SandboxStore, id: string): SessionRecord {
	const session = store.requireSession(id);
	if (session.status !== 'archived') throw new SandboxError(`Test session "${id}" is not archived`);
	session.status = session.statusBeforeArchive ?? 'over';
	session.statusBeforeArchive = null;
	return session;
}

/**
 * An expired or declined invitation is re-opened in place; a finished session gets a retake:
 * a new pending session, linked from the old one by reactivatedSession and retakeSession.
 */
export function reactivateSession(store: SandboxStore, id: string): SessionRecord {
	const session = store.requireSession(id);
	requireStatus(session, ['expired', 'declined', 'over'], 'reactivate');
	const test = store.requireTest(session.testId);
	const now = store.now();
	if (session.status !== 'over') {
		session.status = session.startDate === null ? 'pending' : 'active';
		session.expirationDate = now + test.defaultExpirationMs;
		return session;
	}
	if (session.reactivatedSession) {
		throw new SandboxError(
			`Test session "${id}" was already reactivated as "${session.reactivatedSession.newSessionId}"`,
		);
	}
	const retake = openSession(
		store,
		test,
		{ ...session.testTaker },
		{
			externalId: session.externalId,
			integrations: session.integrations,
			customDuration: session.customDuration,
			postSessionRedirectUrl: session.postSessionRedirectUrl,
		},
	);
	session.reactivatedSession = { newSessionId: retake.id, reactivationDate: now };
	session.retakeSessionId = retake.id;
	return session;
}

/** Only extends: CodeSignal refuses an earlier date. */
export function editSessionExpiration(
	store: SandboxStore,
	id: string,
	expirationDate: unknown,
): SessionRecord {
	const session = store.requireSession(id);
	const date = toTimestamp('expirationDate', expirationDate);
	requireStatus(session, NOT_STARTED_OR_RUNNING, 'change the expiration of');
	const current = session.expirationDate ?? 0;
	if (date <= current) {
		throw new SandboxError(
			`The expiration date can only be extended: ${isoDate(date)} is not after the current ${isoDate(current)}`,
		);
	}
	session.expirationDate = date;
	return session;
}

export function editSessionDuration(
	store: SandboxStore,
	id: string,
	customDuration: number,
): SessionRecord {
	const session = store.requireSession(id);
	checkPositiveDuration('customDuration', customDuration);
	requireStatus(session, NOT_STARTED_OR_RUNNING, 'change the duration of');
	session.customDuration = customDuration;
	return session;
}

export function setSessionReminders(
	store: SandboxStore,
	id: string,
	inputs: ReminderInput[],
): SessionRecord {
	const session = store.requireSession(id);
	requireStatus(session, ['pending'], 'set reminders on');
	session.emailReminders = reminders(store.requireTest(session.testId), inputs);
	return session;
}

/** Sets one task's points; the total and the coding score follow. */
export function gradeResult(
	store: SandboxStore,
	id: string,
	taskId: string,
	score: number,
): SessionRecord {
	const session = store.requireSession(id);
	const result = requireResult(session);
	const test = store.requireTest(session.testId);
	const slotIndex = test.slots.findIndex((slot) => slot.task.id === taskId);
	if (slotIndex === -1) {
		throw new SandboxError(`Task "${taskId}" is not part of test session "${id}"`);
	}
	const maxScore = test.slots[slotIndex].maxScore;
	if (!Number.isInteger(score) || score < 0 || score > maxScore) {
		throw new SandboxError(
			`Score ${score} is out of range for task "${taskId}": it must be between 0 and ${maxScore}`,
		);
	}
	result.taskScores[slotIndex] = score;
	result.codingScore = store.generator.codingScore(test, result.taskScores, session.detailSeed);
	return session;
}

export function markResultGraded(store: SandboxStore, id: string): SessionRecord {
	const session = store.requireSession(id);
	requireResult(session);
	session.graded = true;
	return session;
}
