import { DateTime } from 'luxon';

import {
	isoDate,
	normalizeSession,
	percentOf,
	type RawSession,
	type RawTaskResult,
} from '../../../../nodes/shared/codesignal/sessions';

const FINISHED = Date.parse('2026-03-02T09:30:00Z');
const STARTED = FINISHED - 75 * 60_000;

function task(overrides: Partial<RawTaskResult> = {}): RawTaskResult {
	return {
		score: 150,
		timeSpent: 600_000,
		solveTime: 480_000,
		sessionTask: { maxScore: 300, task: { id: 'task-1', title: 'Balanced Brackets', generalType: 'coding', description: 'Check brackets' } },
		integrityReport: { suspicionScore: 'none' },
		solution: { sources: [{ language: 'py', path: 'main.py', source: 'print(1)' }] },
		...overrides,
	};
}

function finishedSession(overrides: Partial<RawSession> = {}): RawSession {
	return {
		id: 'session-1',
		status: 'over',
		testTaker: { email: 'ada@example.com', firstName: 'Ada', lastName: 'Lovelace' },
		maxScore: 600,
		createDate: STARTED - 86_400_000,
		startDate: STARTED,
		finishDate: FINISHED,
		expirationDate: FINISHED + 86_400_000,
		invitationUrl: 'https://app.codesignal.com/test/session-1/invitation',
		labels: ['backend', null],
		taskCount: 2,
		verificationStatus: null,
		integrityReviewSuggested: false,
		test: { id: 'test-1', title: 'Backend', scoringModel: { type: 'codingScore2023', scoreRange: { min: 200, max: 600 } } },
		result: {
			score: 450,
			solvedTaskCount: 1,
			url: 'https://app.codesignal.com/test-result/session-1?accessToken=secret-token',
			versionedCodingScore: { version: 'codingScore2023', value: 512 },
			aiInsights: { summary: 'Solid.' },
			coreSkillScores: { implementation: 70, problemSolving: 80, speed: 60 },
			taskResults: [
				task(),
				task({
					score: 300,
					sessionTask: { maxScore: 300, task: { id: 'task-2', title: 'Quiz', generalType: 'quiz' } },
					integrityReport: { suspicionScore: 'not_applicable' },
					solution: { answer: ['B', null] },
				}),
				null,
			],
		},
		...overrides,
	};
}

describe('normalizeSession', () => {
	it('gives dates as ISO-8601 in the requested time zone beside the raw epoch milliseconds', () => {
		const item = normalizeSession(finishedSession(), { detail: 'summary', timeZone: 'America/New_York' });
		expect(item.finishedAt).toBe('2026-03-02T04:30:00.000-05:00');
		expect(item.finishDate).toBe(FINISHED);
		expect(DateTime.fromISO(item.startedAt!).toMillis()).toBe(STARTED);
		expect(item.timeTakenMs).toBe(75 * 60_000);
	});

	it('reads dates in UTC when no time zone is given, and falls back to UTC for an unknown zone', () => {
		expect(normalizeSession(finishedSession(), { detail: 'summary' }).finishedAt).toBe('2026-03-02T09:30:00.000Z');
		expect(isoDate(FINISHED, 'Not/AZone')).toBe('2026-03-02T09:30:00.000Z');
		expect(isoDate(null)).toBeNull();
	});

	it('summarises without results: no tasks, no result link, candidate name joined', () => {
		const item = normalizeSession(finishedSession(), { detail: 'summary' });
		expect(item).not.toHaveProperty('tasks');
		expect(item).not.toHaveProperty('resultUrl');
		expect(item).not.toHaveProperty('coreSkillScores');
		expect(item.candidate).toEqual({ email: 'ada@example.com', firstName: 'Ada', lastName: 'Lovelace', name: 'Ada Lovelace' });
		expect(item.labels).toEqual(['backend']);
	});

	it('reports raw score, max score, percentage, coding score with its range and per-task results', () => {
		const item = normalizeSession(finishedSession(), { detail: 'results' });
		expect(item).toMatchObject({ score: 450, maxScore: 600, scorePercent: 75, solvedTaskCount: 1 });
		expect(item.codingScore).toEqual({ value: 512, version: 'codingScore2023', min: 200, max: 600 });
		expect(item.tasks).toHaveLength(2);
		expect(item.tasks![0]).toMatchObject({ taskId: 'task-1', score: 150, maxScore: 300, scorePercent: 50, solved: false, languages: ['py'] });
		expect(item.tasks![1]).toMatchObject({ taskId: 'task-2', solved: true });
		expect(item.tasks![0]).not.toHaveProperty('sources');
		expect(item.languages).toEqual(['py']);
		expect(item.aiSummary).toBe('Solid.');
	});

	it('leaves the result link (it carries an access token) out unless asked for', () => {
		expect(normalizeSession(finishedSession(), { detail: 'results' })).not.toHaveProperty('resultUrl');
		const item = normalizeSession(finishedSession(), { detail: 'results', includeResultUrl: true });
		expect(item.resultUrl).toContain('accessToken=secret-token');
	});

	it('adds descriptions, solution sources, quiz answers and core skill scores at full detail', () => {
		const item = normalizeSession(finishedSession(), { detail: 'full' });
		expect(item.tasks![0].sources).toEqual([{ language: 'py', path: 'main.py', source: 'print(1)' }]);
		expect(item.tasks![0].description).toBe('Check brackets');
		expect(item.tasks![1].quizAnswer).toEqual(['B']);
		expect(item.coreSkillScores).toEqual({ implementation: 70, problemSolving: 80, speed: 60 });
	});

	it('flags integrity when a task looks medium or highly suspicious or a review is suggested', () => {
		const suspicious = finishedSession();
		suspicious.result!.taskResults![0] = task({ integrityReport: { suspicionScore: 'high' } });
		expect(normalizeSession(suspicious, { detail: 'results' }).integrityFlag).toBe(true);
		expect(normalizeSession(finishedSession(), { detail: 'results' }).integrityFlag).toBe(false);
		expect(normalizeSession(finishedSession({ integrityReviewSuggested: true }), { detail: 'summary' }).integrityFlag).toBe(true);
		expect(normalizeSession(finishedSession({ integrityReviewSuggested: null }), { detail: 'summary' }).integrityFlag).toBeNull();
	});

	it('calls a result ready when finished, and when proctored only once verified', () => {
		const ready = (overrides: Partial<RawSession>) => normalizeSession(finishedSession(overrides), { detail: 'summary' }).resultReady;
		expect(ready({})).toBe(true);
		expect(ready({ verificationStatus: 'pending' })).toBe(false);
		expect(ready({ verificationStatus: 'verified' })).toBe(true);
		expect(ready({ verificationStatus: 'notVerified' })).toBe(false);
		expect(ready({ status: 'active', finishDate: null })).toBe(false);
		expect(normalizeSession(finishedSession({ verificationStatus: 'pending' }), { detail: 'summary' }).proctored).toBe(true);
	});

	it('keeps the same shape, with nulls, for a pending session without a result', () => {
		const pending = normalizeSession(
			{ id: 'session-2', status: 'pending', testTaker: { email: null, firstName: null, lastName: null }, result: null },
			{ detail: 'results' },
		);
		expect(pending).toMatchObject({
			score: null,
			maxScore: null,
			scorePercent: null,
			codingScore: null,
			finishedAt: null,
			timeTakenMs: null,
			tasks: [],
			languages: [],
			candidate: { name: null },
		});
		expect(Object.keys(pending)).toEqual(Object.keys(normalizeSession(finishedSession(), { detail: 'results' })));
	});
});

describe('percentOf', () => {
	it('is a percentage with two decimals, or null without a positive maximum', () => {
		expect(percentOf(1, 3)).toBe(33.33);
		expect(percentOf(5, 0)).toBeNull();
		expect(percentOf(null, 10)).toBeNull();
	});
});
