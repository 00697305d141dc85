/**
 * Test sessions built the way the nodes build them: a raw CodeSignal session through normalizeSession.
 * The base session: 720/1000 (72%), coding score 480 (200-600), 3 of 4 tasks solved (75%), 58 minutes,
 * Python (py3) and SQL (mysql), proctored and verified, no integrity flag.
 */
import { normalizeSession, type RawSession, type SessionDetail, type SessionItem } from '../../../../nodes/shared/codesignal/sessions';

type RawResult = NonNullable<RawSession['result']>;

const START = Date.UTC(2026, 2, 2, 10, 0, 0);

const task = (score: number, language: string) => ({
	score,
	timeSpent: 600_000,
	solveTime: 500_000,
	sessionTask: { maxScore: 300, task: { id: `task-${language}-${score}`, title: `Task ${score}` } },
	integrityReport: { suspicionScore: 'low' },
	solution: { sources: [{ language }] },
});

export const BASE_RESULT: RawResult = {
	score: 720,
	solvedTaskCount: 3,
	versionedCodingScore: { version: 'codingScore2023', value: 480 },
	taskResults: [task(300, 'py3'), task(300, 'py3'), task(100, 'mysql'), task(20, 'py3')],
};

export function rawSession(raw: Partial<RawSession> = {}, result: Partial<RawResult> | null = {}): RawSession {
	return {
		id: 'session-1',
		status: 'over',
		testTaker: { email: 'jane.doe@example.com', firstName: 'Jane', lastName: 'Doe' },
		maxScore: 1000,
		createDate: START - 86_400_000,
		startDate: START,
		finishDate: START + 58 * 60_000,
		taskCount: 4,
		verificationStatus: 'verified',
		integrityReviewSuggested: false,
		test: {
			id: 'test-backend',
			title: 'Backend Engineer Assessment',
			scoringModel: { type: 'codingScore2023', scoreRange: { min: 200, max: 600 } },
		},
		result: result === null ? null : { ...BASE_RESULT, ...result },
		...raw,
	};
}

export function session(
	raw: Partial<RawSession> = {},
	result: Partial<RawResult> | null = {},
	detail: SessionDetail = 'results',
): SessionItem {
	return normalizeSession(rawSession(raw, result), { detail });
}

/** A session that has not been taken yet: no dates beyond creation, no result. */
export const pendingSession = (): SessionItem =>
	session({ status: 'pending', startDate: null, finishDate: null, verificationStatus: null, integrityReviewSuggested: null }, null);
