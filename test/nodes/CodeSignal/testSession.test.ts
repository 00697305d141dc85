import { DateTime } from 'luxon';
import type { INodeParameters } from 'n8n-workflow';

import type { CodeSignalSandbox, SessionRecord, TestSessionStatus } from '../../../sandbox/codesignal';
import { byId, runError, runJson, startSandbox, TIME_ZONE } from './harness';

const NOW = Date.parse('2026-10-01T00:00:00Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let sandbox: CodeSignalSandbox;

beforeAll(async () => {
	sandbox = await startSandbox({ now: () => NOW });
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.resetStats());

const firstTest = () => sandbox.store.tests()[0];

/** Sessions of the first test in a status, unused by earlier tests of this file. */
const used = new Set<string>();
function takeSession(status: TestSessionStatus, accept: (session: SessionRecord) => boolean = () => true): SessionRecord {
	for (const test of sandbox.store.tests()) {
		const session = sandbox.store.listSessions(test.id).find((candidate) => candidate.status === status && !used.has(candidate.id) && accept(candidate));
		if (session) {
			used.add(session.id);
			return session;
		}
	}
	throw new Error(`No unused ${status} session left in the sandbox`);
}

const sessionScore = (session: SessionRecord) => session.result!.taskScores.reduce((sum, points) => sum + points, 0);

describe('Test Session → Create', () => {
	it('invites a candidate with every option and echoes the External ID', async () => {
		const test = firstTest();
		const [template] = test.emailReminderTemplates;
		const [item] = await runJson(sandbox, {
			resource: 'testSession',
			operation: 'create',
			test: byId(test.id),
			candidateEmail: 'grace.hopper@example.com',
			candidateFirstName: 'Grace',
			candidateLastName: 'Hopper',
			additionalFields: {
				externalId: 'endorsed-42',
				sendInvitationEmail: false,
				durationMinutes: 45,
				expiresAfterDays: 3,
				postSessionRedirectUrl: 'https://example.com/thanks',
				reminders: { reminder: [{ templateName: template.name, hoursBeforeExpiration: 12 }] },
			},
		});
		const stored = sandbox.store.getSession(item.id)!;
		expect(item).toMatchObject({
			status: 'pending',
			externalId: 'endorsed-42',
			test: { id: test.id, title: test.title },
			candidate: { email: 'grace.hopper@example.com', name: 'Grace Hopper' },
			expiresAt: DateTime.fromMillis(NOW + 3 * DAY, { zone: TIME_ZONE }).toISO(),
		});
		expect(stored).toMatchObject({
			externalId: 'endorsed-42',
			customDuration: 45 * 60_000,
			expirationDate: NOW + 3 * DAY,
			postSessionRedirectUrl: 'https://example.com/thanks',
			invitationsSent: 0,
			emailReminders: [{ templateName: template.name, timeBeforeExpiration: 12 * HOUR }],
		});
	});

	it('returns the open invitation instead of inviting twice when asked to reuse it', async () => {
		const parameters = {
			resource: 'testSession',
			operation: 'create',
			test: byId(firstTest().id),
			candidateEmail: 'twice@example.com',
			additionalFields: { preferExisting: true },
		};
		const [first] = await runJson(sandbox, parameters);
		const [second] = await runJson(sandbox, parameters);
		expect(second.id).toBe(first.id);
		expect(second.externalId).toBeNull();
	});
});

describe('Test Session → Get', () => {
	it('reads a summary without results', async () => {
		const session = takeSession('over');
		const [item] = await runJson(sandbox, { resource: 'testSession', operation: 'get', sessionId: session.id, detail: 'summary' });
		expect(item).toMatchObject({ id: session.id, status: 'over', score: null, finishDate: session.finishDate });
		expect(item).not.toHaveProperty('tasks');
		expect(item.finishedAt).toBe(DateTime.fromMillis(session.finishDate!, { zone: TIME_ZONE }).toISO());
	});

	it('reads results, and the result link only when asked for', async () => {
		const session = takeSession('over');
		const get = (options: INodeParameters) =>
			runJson(sandbox, { resource: 'testSession', operation: 'get', sessionId: session.id, detail: 'results', options });
		const [withoutLink] = await get({});
		const [withLink] = await get({ includeResultUrl: true });
		expect(withoutLink.score).toBe(sessionScore(session));
		expect(withoutLink.tasks).toHaveLength(sandbox.store.getTest(session.testId)!.slots.length);
		expect(withoutLink).not.toHaveProperty('resultUrl');
		expect(JSON.stringify(withoutLink)).not.toContain('accessToken');
		expect(withLink.resultUrl).toContain(`${session.id}?accessToken=`);
	});

	it('reads solution sources at full detail', async () => {
		const session = takeSession('over', (candidate) => sessionScore(candidate) > 0);
		const [item] = await runJson(sandbox, { resource: 'testSession', operation: 'get', sessionId: session.id, detail: 'full' });
		const coding = item.tasks.filter((task: any) => task.type !== 'quiz');
		expect(coding.length).toBeGreaterThan(0);
		for (const task of coding) expect(task.sources[0].source.length).toBeGreaterThan(0);
		expect(item.tasks.find((task: any) => task.type === 'quiz')?.quizAnswer).toEqual([expect.any(String)]);
		expect(item.coreSkillScores).toEqual(expect.objectContaining({ implementation: expect.any(Number) }));
	});
});

describe('Test Session → Get Many', () => {
	const getMany = (parameters: object) =>
		runJson(sandbox, { resource: 'testSession', operation: 'getAll', test: byId(firstTest().id), ...parameters });

	it('lists every session of the test in CodeSignal\'s order, one request per page', async () => {
		const listed = sandbox.store.listSessions(firstTest().id).map((session) => session.id);
		const sessions = await getMany({ returnAll: true, detail: 'results' });
		expect(sessions.map((session) => session.id)).toEqual(listed);
		expect(sandbox.stats().requests).toBe(Math.floor(listed.length / 20) + 1);
	});

	it('stops at the limit', async () => {
		const sessions = await getMany({ returnAll: false, limit: 5, detail: 'summary' });
		expect(sessions).toHaveLength(5);
		expect(sandbox.stats().requests).toBe(1);
	});

	it('filters by status', async () => {
		const sessions = await getMany({ returnAll: true, detail: 'summary', filters: { statuses: ['pending', 'expired'] } });
		const expected = sandbox.store.listSessions(firstTest().id).filter((s) => s.status === 'pending' || s.status === 'expired');
		expect(sessions.map((session) => session.id)).toEqual(expected.map((session) => session.id));
	});

	it('keeps sessions finished in the window and stops paging once past "Finished After"', async () => {
		const finished = sandbox.store.listSessions(firstTest().id).filter((session) => session.finishDate !== null);
		const after = finished[7].finishDate!;
		const before = finished[2].finishDate!;
		const sessions = await getMany({
			returnAll: true,
			detail: 'summary',
			filters: {
				finishedAfter: DateTime.fromMillis(after, { zone: TIME_ZONE }).toISO(),
				finishedBefore: DateTime.fromMillis(before, { zone: TIME_ZONE }).toISO(),
			},
			options: { pageSize: 3 },
		});
		const expected = finished.filter((session) => session.finishDate! >= after && session.finishDate! < before);
		expect(sessions.map((session) => session.id)).toEqual(expected.map((session) => session.id));
		const lastNeeded = finished.findIndex((session) => session.finishDate! < after);
		expect(sandbox.stats().requests).toBe(Math.floor(lastNeeded / 3) + 1);
	});

	it('reads a date without an offset in the workflow\'s time zone', async () => {
		const finished = sandbox.store.listSessions(firstTest().id).filter((session) => session.finishDate !== null);
		const after = finished[4].finishDate!;
		const localTime = DateTime.fromMillis(after, { zone: TIME_ZONE }).toFormat("yyyy-MM-dd'T'HH:mm:ss.SSS");
		const sessions = await getMany({ returnAll: true, detail: 'summary', filters: { finishedAfter: localTime } });
		expect(sessions.map((session) => session.id)).toEqual(finished.filter((s) => s.finishDate! >= after).map((s) => s.id));
	});
});

describe('Test Session → Get by ATS ID', () => {
	it('finds the sessions of a Greenhouse application, and none for an unknown one', async () => {
		const session = takeSession('over', (candidate) => candidate.integrations !== null);
		const { greenhouseApplicationId } = session.integrations!;
		const found = await runJson(sandbox, {
			resource: 'testSession',
			operation: 'getByAtsId',
			idType: 'greenhouseApplicationId',
			atsId: greenhouseApplicationId,
			detail: 'results',
		});
		expect(found.map((item) => item.id)).toContain(session.id);
		expect(found.find((item) => item.id === session.id)!.score).toBe(sessionScore(session));
		const none = await runJson(sandbox, { resource: 'testSession', operation: 'getByAtsId', idType: 'greenhouseCandidateId', atsId: '1' });
		expect(none).toEqual([]);
	});
});

describe('Test Session mutations', () => {
	const mutate = (operation: string, sessionId: string, parameters: object = {}) =>
		runJson(sandbox, { resource: 'testSession', operation, sessionId, ...parameters });

	it('resends the invitation', async () => {
		const session = takeSession('pending', (candidate) => candidate.testTaker.email !== null);
		const before = session.invitationsSent;
		const [item] = await mutate('resend', session.id);
		expect(item.id).toBe(session.id);
		expect(sandbox.store.getSession(session.id)!.invitationsSent).toBe(before + 1);
	});

	it('deletes a session', async () => {
		const session = takeSession('expired');
		expect(await mutate('delete', session.id)).toEqual([{ id: session.id, deleted: true }]);
		expect(sandbox.store.getSession(session.id)!.status).toBe('deleted');
	});

	it('archives and unarchives a session', async () => {
		const session = takeSession('over');
		expect((await mutate('archive', session.id))[0].status).toBe('archived');
		expect((await mutate('unarchive', session.id))[0].status).toBe('over');
	});

	it('reactivates a finished session as a retake and names the new session', async () => {
		const session = takeSession('over');
		const [item] = await mutate('reactivate', session.id, { options: { sendNotificationEmail: false } });
		expect(item.reactivatedSessionId).toEqual(expect.any(String));
		expect(sandbox.store.getSession(item.reactivatedSessionId)!.status).toBe('pending');
	});

	it('extends the expiration', async () => {
		const session = takeSession('pending');
		const later = session.expirationDate! + DAY;
		const [item] = await mutate('extendExpiration', session.id, {
			expirationDate: DateTime.fromMillis(later, { zone: 'UTC' }).toISO(),
		});
		expect(item.expirationDate).toBe(later);
		expect(sandbox.store.getSession(session.id)!.expirationDate).toBe(later);
	});

	it('sets the duration in minutes', async () => {
		const session = takeSession('pending');
		await mutate('setDuration', session.id, { durationMinutes: 120 });
		expect(sandbox.store.getSession(session.id)!.customDuration).toBe(120 * 60_000);
	});

	it('replaces the reminders', async () => {
		const session = takeSession('pending');
		const names = sandbox.store.getTest(session.testId)!.emailReminderTemplates.map((template) => template.name);
		await mutate('setReminders', session.id, {
			reminders: { reminder: names.map((templateName, index) => ({ templateName, hoursBeforeExpiration: 24 * (index + 1) })) },
		});
		expect(sandbox.store.getSession(session.id)!.emailReminders).toEqual(
			names.map((templateName, index) => ({ templateName, timeBeforeExpiration: 24 * (index + 1) * HOUR })),
		);
	});

	it('grades a task and answers with the new total', async () => {
		const session = takeSession('over', (candidate) => candidate.result!.taskScores[0] > 0);
		const test = sandbox.store.getTest(session.testId)!;
		const expected = sessionScore(session) - session.result!.taskScores[0];
		const [item] = await mutate('gradeTask', session.id, { taskId: test.slots[0].task.id, score: 0 });
		expect(item.score).toBe(expected);
		expect(item.tasks[0]).toMatchObject({ taskId: test.slots[0].task.id, score: 0, solved: false });
	});

	it('marks a result as graded', async () => {
		const session = takeSession('over');
		await mutate('markAsGraded', session.id);
		expect(sandbox.store.getSession(session.id)!.graded).toBe(true);
	});

	it('appends a verification note after those written before, and says all of them', async () => {
		const session = takeSession('over', (candidate) => candidate.verificationNotes !== '');
		const before = session.verificationNotes;
		const [item] = await mutate('appendVerificationNote', session.id, { note: 'Second review: the other screen was a clock.' });
		expect(item).toMatchObject({ id: session.id, verificationNotes: `${before}\nSecond review: the other screen was a clock.` });
		expect(sandbox.store.getSession(session.id)!.verificationNotes).toBe(item.verificationNotes);
	});

	it('refuses an empty verification note by name and sends nothing', async () => {
		const session = takeSession('over');
		const error = await runError(sandbox, { resource: 'testSession', operation: 'appendVerificationNote', sessionId: session.id, note: ' ' });
		expect(error.message).toBe('Note is required');
		expect(error.context?.itemIndex).toBe(0);
		expect(sandbox.stats().requests).toBe(0);
	});
});
