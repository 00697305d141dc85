import {
	startCodeSignalSandbox,
	type CodeSignalSandbox,
	type SessionRecord,
} from '../../../sandbox/codesignal';
import { data, firstError, graphql } from './helpers';

const NOW = Date.parse('2026-10-01T09:30:00Z');
const DAY = 24 * 60 * 60 * 1000;

const SESSION_FIELDS =
	'id status createDate startDate expirationDate customDuration invitationUrl testTaker { email firstName lastName }';

describe('CodeSignal sandbox: test-session mutations', () => {
	let sandbox: CodeSignalSandbox;
	let testId: string;

	beforeAll(async () => {
		sandbox = await startCodeSignalSandbox({ now: () => NOW, rateLimit: { perSecond: 1000 } });
		testId = sandbox.store.tests()[0].id;
	});
	afterAll(async () => await sandbox.close());

	function sessionIn(status: SessionRecord['status'], exclude: string[] = []): SessionRecord {
		const session = sandbox.store
			.listSessions(testId)
			.find((candidate) => candidate.status === status && !exclude.includes(candidate.id));
		if (!session) throw new Error(`No ${status} session left in the dataset`);
		return session;
	}

	async function mutate(mutation: string, variables: Record<string, unknown>) {
		return await graphql(sandbox, mutation, variables);
	}

	const CREATE = `mutation ($fields: TestSessionInput!) { createCompanyTestSession(sessionFields: $fields) { ${SESSION_FIELDS} } }`;

	describe('createCompanyTestSession', () => {
		it('creates a pending session with an invitation, listed first among unfinished ones', async () => {
			const { createCompanyTestSession: created } = await data(sandbox, CREATE, {
				fields: {
					testId,
					candidateFirstName: 'Ada',
					candidateLastName: 'Lovelace',
					candidateEmail: 'ada@example.com',
					externalId: 'endorsed-123',
					customDuration: 5_400_000,
					expireDuration: 3 * DAY,
				},
			});
			expect(created).toMatchObject({
				status: 'pending',
				createDate: NOW,
				startDate: null,
				expirationDate: NOW + 3 * DAY,
				customDuration: 5_400_000,
				testTaker: { email: 'ada@example.com', firstName: 'Ada', lastName: 'Lovelace' },
			});
			expect(created.invitationUrl).toContain(created.id);
			expect(sandbox.store.getSession(created.id)?.externalId).toBe('endorsed-123');
			const firstUnfinished = sandbox.store
				.listSessions(testId)
				.find((session) => session.finishDate === null);
			expect(firstUnfinished?.id).toBe(created.id);
		});

		it('returns the existing pending session of that test and email with preferExisting', async () => {
			const fields = { testId, candidateEmail: 'grace@example.com' };
			const first = (await data(sandbox, CREATE, { fields })).createCompanyTestSession;
			const again = (
				await data(sandbox, CREATE, {
					fields: { ...fields, candidateEmail: 'GRACE@example.com', preferExisting: true },
				})
			).createCompanyTestSession;
			expect(again.id).toBe(first.id);
			const without = (await data(sandbox, CREATE, { fields })).createCompanyTestSession;
			expect(without.id).not.toBe(first.id);
		});

		it('refuses an unknown test, an invalid email and a missing email', async () => {
			expect(
				firstError(
					await mutate(CREATE, { fields: { testId: 'nope', candidateEmail: 'a@example.com' } }),
				),
			).toBe('Company test "nope" not found');
			expect(
				firstError(await mutate(CREATE, { fields: { testId, candidateEmail: 'not-an-email' } })),
			).toBe('Invalid candidate email "not-an-email"');
			expect(firstError(await mutate(CREATE, { fields: { testId } }))).toBe(
				'candidateEmail is required unless noInvitationEmail is true',
			);
			expect(
				(await mutate(CREATE, { fields: { testId, noInvitationEmail: true } })).body.data
					.createCompanyTestSession.status,
			).toBe('pending');
		});
	});

	it('resends pending invitations only', async () => {
		const pending = sessionIn('pending');
		const before = pending.invitationsSent;
		const mutation = 'mutation ($id: ID!) { resendCompanyTestSession(id: $id) { id status } }';
		expect((await data(sandbox, mutation, { id: pending.id })).resendCompanyTestSession).toEqual({
			id: pending.id,
			status: 'pending',
		});
		expect(sandbox.store.getSession(pending.id)?.invitationsSent).toBe(before + 1);
		const over = sessionIn('over');
		expect(firstError(await mutate(mutation, { id: over.id }))).toBe(
			`Cannot resend the invitation of test session "${over.id}": status is over (allowed: pending)`,
		);
	});

	it('deletes a session once, returning its id', async () => {
		const session = sessionIn('expired');
		const mutation =
			'mutation ($id: ID!) { deleteCompanyTestSession(id: $id, sendNotificationEmail: false) }';
		expect((await data(sandbox, mutation, { id: session.id })).deleteCompanyTestSession).toBe(
			session.id,
		);
		expect(sandbox.store.getSession(session.id)?.status).toBe('deleted');
		expect(firstError(await mutate(mutation, { id: session.id }))).toBe(
			`Test session "${session.id}" is already deleted`,
		);
	});

	it('archives and unarchives, restoring the previous status', async () => {
		const session = sessionIn('over');
		const archive = 'mutation ($id: ID!) { archiveCompanyTestSession(id: $id) { status } }';
		const unarchive = 'mutation ($id: ID!) { unarchiveCompanyTestSession(id: $id) { status } }';
		expect(
			(await data(sandbox, archive, { id: session.id })).archiveCompanyTestSession.status,
		).toBe('archived');
		expect(firstError(await mutate(archive, { id: session.id }))).toBe(
			`Test session "${session.id}" is already archived`,
		);
		expect(
			(await data(sandbox, unarchive, { id: session.id })).unarchiveCompanyTestSession.status,
		).toBe('over');
		expect(firstError(await mutate(unarchive, { id: session.id }))).toBe(
			`Test session "${session.id}" is not archived`,
		);
	});

	describe('reactivateCompanyTestSession', () => {
		const REACTIVATE = `mutation ($id: ID!) { reactivateCompanyTestSession(id: $id) {
			id status expirationDate reactivatedSession { newSessionId reactivationDate } retakeSession { id status testTaker { email } }
		} }`;

		it('re-opens an expired invitation with a new expiration date', async () => {
			const expired = sessionIn('expired');
			const { reactivateCompanyTestSession: reopened } = await data(sandbox, REACTIVATE, {
				id: expired.id,
			});
			expect(reopened).toMatchObject({
				id: expired.id,
				status: 'pending',
				reactivatedSession: null,
			});
			expect(reopened.expirationDate).toBeGreaterThan(NOW);
		});

		it('gives a finished session a retake, linked from the original', async () => {
			const finished = sessionIn('over');
			const { reactivateCompanyTestSession: original } = await data(sandbox, REACTIVATE, {
				id: finished.id,
			});
			expect(original.status).toBe('over');
			expect(original.reactivatedSession).toEqual({
				newSessionId: original.retakeSession.id,
				reactivationDate: NOW,
			});
			expect(original.retakeSession).toMatchObject({
				status: 'pending',
				testTaker: { email: finished.testTaker.email },
			});
			expect(firstError(await mutate(REACTIVATE, { id: finished.id }))).toBe(
				`Test session "${finished.id}" was already reactivated as "${original.retakeSession.id}"`,
			);
		});

		it('refuses sessions that are still open', async () => {
			const pending = sessionIn('pending');
			expect(firstError(await mutate(REACTIVATE, { id: pending.id }))).toBe(
				`Cannot reactivate test session "${pending.id}": status is pending (allowed: expired, declined, over)`,
			);
		});
	});

	it('only extends expiration dates', async () => {
		const pending = sessionIn('pending');
		const current = pending.expirationDate!;
		const mutation =
			'mutation ($id: ID!, $date: Timestamp!) { editCompanyTestSessionExpiration(id: $id, expirationDate: $date) { expirationDate } }';
		expect(
			(await data(sandbox, mutation, { id: pending.id, date: current + DAY }))
				.editCompanyTestSessionExpiration,
		).toEqual({
			expirationDate: current + DAY,
		});
		expect(firstError(await mutate(mutation, { id: pending.id, date: current }))).toBe(
			`The expiration date can only be extended: ${new Date(current).toISOString()} is not after the current ${new Date(current + DAY).toISOString()}`,
		);
	});

	it('changes the duration of open sessions to a positive value', async () => {
		const pending = sessionIn('pending');
		const mutation =
			'mutation ($id: ID!, $duration: Float!) { editCompanyTestSessionDuration(id: $id, customDuration: $duration) { customDuration } }';
		expect(
			(await data(sandbox, mutation, { id: pending.id, duration: 7_200_000 }))
				.editCompanyTestSessionDuration,
		).toEqual({
			customDuration: 7_200_000,
		});
		expect(firstError(await mutate(mutation, { id: pending.id, duration: -5 }))).toBe(
			'customDuration must be a positive number of milliseconds, got -5',
		);
	});

	it('sets reminders from the test templates', async () => {
		const pending = sessionIn('pending');
		const mutation = `mutation ($id: ID!, $reminders: [EmailReminder!]!) {
			setCompanyTestSessionReminders(id: $id, reminders: $reminders) { expirationDate emailReminders { templateName sendDate email { to subject } } }
		}`;
		const { setCompanyTestSessionReminders: session } = await data(sandbox, mutation, {
			id: pending.id,
			reminders: [{ templateName: 'Last call', timeBeforeExpiration: DAY }],
		});
		expect(session.emailReminders).toEqual([
			{
				templateName: 'Last call',
				sendDate: session.expirationDate - DAY,
				email: { to: pending.testTaker.email, subject: 'Your assessment expires tomorrow' },
			},
		]);
		expect(
			firstError(await mutate(mutation, { id: pending.id, reminders: [{ templateName: 'Nope' }] })),
		).toBe(`Reminder template "Nope" does not exist on test "${testId}"`);
	});

	describe('grading', () => {
		const GRADE = `mutation ($id: ID!, $taskId: ID!, $score: Int!) { gradeCompanyTestResult(id: $id, taskId: $taskId, score: $score) {
			maxScore result { score versionedCodingScore { value } taskResults { score sessionTask { maxScore task { id } } } }
		} }`;

		it('sets one task score; the total follows', async () => {
			const session = sessionIn('over');
			const test = sandbox.store.requireTest(testId);
			const slot = test.slots[1];
			const otherPoints = session.result!.taskScores.reduce(
				(sum, points, index) => (index === 1 ? sum : sum + points),
				0,
			);
			const { gradeCompanyTestResult: graded } = await data(sandbox, GRADE, {
				id: session.id,
				taskId: slot.task.id,
				score: slot.maxScore,
			});
			expect(graded.result.taskResults[1]).toMatchObject({
				score: slot.maxScore,
				sessionTask: { task: { id: slot.task.id } },
			});
			expect(graded.result.score).toBe(otherPoints + slot.maxScore);
			expect(graded.result.versionedCodingScore.value).toBe(
				sandbox.store.getSession(session.id)!.result!.codingScore,
			);
		});

		it('refuses scores outside 0..task max, unknown tasks and sessions without a result', async () => {
			const session = sessionIn('over');
			const slot = sandbox.store.requireTest(testId).slots[0];
			expect(
				firstError(
					await mutate(GRADE, { id: session.id, taskId: slot.task.id, score: slot.maxScore + 1 }),
				),
			).toBe(
				`Score ${slot.maxScore + 1} is out of range for task "${slot.task.id}": it must be between 0 and ${slot.maxScore}`,
			);
			expect(firstError(await mutate(GRADE, { id: session.id, taskId: 'nope', score: 1 }))).toBe(
				`Task "nope" is not part of test session "${session.id}"`,
			);
			const pending = sessionIn('pending');
			expect(
				firstError(await mutate(GRADE, { id: pending.id, taskId: slot.task.id, score: 1 })),
			).toBe(`Test session "${pending.id}" has no result to grade (status is pending)`);
		});

		it('marks a result as graded', async () => {
			const session = sessionIn('over');
			await data(sandbox, 'mutation ($id: ID!) { markCompanyTestResultAsGraded(id: $id) { id } }', {
				id: session.id,
			});
			expect(sandbox.store.getSession(session.id)?.graded).toBe(true);
		});
	});

	describe('appendCompanyTestSessionVerificationNote', () => {
		const APPEND = 'mutation ($id: ID!, $note: String!) { appendCompanyTestSessionVerificationNote(id: $id, note: $note) { id verificationNotes } }';

		it('keeps the earlier notes and adds the new one after them', async () => {
			const session = sessionIn('over');
			session.verificationNotes = 'Rejected after review of the recording.';

			const { appendCompanyTestSessionVerificationNote: noted } = await data(sandbox, APPEND, {
				id: session.id,
				note: 'Second look: the second screen was a clock.',
			});

			expect(noted).toEqual({
				id: session.id,
				verificationNotes: 'Rejected after review of the recording.\nSecond look: the second screen was a clock.',
			});
			expect(sandbox.store.getSession(session.id)?.verificationNotes).toBe(noted.verificationNotes);
		});

		it('refuses an empty note and changes nothing', async () => {
			const session = sessionIn('over');
			const before = session.verificationNotes;

			const answer = await mutate(APPEND, { id: session.id, note: '  ' });

			expect(firstError(answer)).toBe('note must not be empty');
			expect(sandbox.store.getSession(session.id)?.verificationNotes).toBe(before);
		});
	});

	it('answers every session mutation on an unknown id with "not found"', async () => {
		const mutations = [
			'resendCompanyTestSession(id: "missing") { id }',
			'deleteCompanyTestSession(id: "missing")',
			'archiveCompanyTestSession(id: "missing") { id }',
			'unarchiveCompanyTestSession(id: "missing") { id }',
			'reactivateCompanyTestSession(id: "missing") { id }',
			'editCompanyTestSessionExpiration(id: "missing", expirationDate: 1) { id }',
			'editCompanyTestSessionDuration(id: "missing", customDuration: 1) { id }',
			'setCompanyTestSessionReminders(id: "missing", reminders: []) { id }',
			'gradeCompanyTestResult(id: "missing", taskId: "t", score: 1) { id }',
			'markCompanyTestResultAsGraded(id: "missing") { id }',
			'appendCompanyTestSessionVerificationNote(id: "missing", note: "n") { id }',
		];
		for (const mutation of mutations) {
			const answer = await graphql(sandbox, `mutation { ${mutation} }`);
			expect(answer.status).toBe(200);
			expect(answer.body.data).toBeNull();
			expect(firstError(answer)).toBe('Test session "missing" not found');
		}
	});
});
