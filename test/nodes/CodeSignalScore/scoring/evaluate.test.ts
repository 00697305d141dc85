import type { SessionItem } from '../../../../nodes/shared/codesignal/sessions';
import { parseCriteria, type CriterionInput, type NumericComparison } from '../../../../nodes/CodeSignalScore/scoring/criteria';
import { assessSession } from '../../../../nodes/CodeSignalScore/scoring/evaluate';
import { DEFAULT_TIERS } from '../../../../nodes/CodeSignalScore/scoring/tiers';
import { pendingSession, session } from './sessionFixtures';

const assess = (item: SessionItem, inputs: CriterionInput[]) => assessSession(item, parseCriteria(inputs), DEFAULT_TIERS);
const outcome = (item: SessionItem, input: CriterionInput) => assess(item, [input]).criteria[0];

describe('numeric metrics', () => {
	// The base session: 72%, 720 points, coding score 480, 3 solved tasks, 75% solved, 58 minutes.
	const actuals: Array<[string, number]> = [
		['scorePercent', 72],
		['score', 720],
		['codingScore', 480],
		['solvedTaskCount', 3],
		['solvedTaskShare', 75],
		['timeTakenMinutes', 58],
	];
	// Whether each comparison holds for a threshold below, equal to and above the actual value.
	const truth: Record<NumericComparison, [boolean, boolean, boolean]> = {
		gte: [true, true, false],
		gt: [true, false, false],
		lte: [false, true, true],
		lt: [false, false, true],
		eq: [false, true, false],
		neq: [true, false, true],
	};

	it.each(actuals)('%s reads %d and applies every comparison', (metric, actual) => {
		for (const [comparison, expected] of Object.entries(truth)) {
			[actual - 1, actual, actual + 1].forEach((threshold, index) => {
				const result = outcome(session(), { metric, comparison, threshold });
				expect({ comparison, threshold, actual: result.actual, met: result.met }).toEqual({
					comparison,
					threshold,
					actual,
					met: expected[index],
				});
				expect(result.reason === null).toBe(expected[index]);
			});
		}
	});

	it('says what was found and what was needed, with units', () => {
		const reasons = assess(session(), [
			{ metric: 'scorePercent', comparison: 'gte', threshold: 80 },
			{ metric: 'score', comparison: 'gt', threshold: 800 },
			{ metric: 'codingScore', comparison: 'eq', threshold: 500 },
			{ metric: 'solvedTaskCount', comparison: 'gte', threshold: 4 },
			{ metric: 'solvedTaskShare', comparison: 'neq', threshold: 75 },
			{ metric: 'timeTakenMinutes', comparison: 'lt', threshold: 45.5 },
		]).criteria.map((criterion) => criterion.reason);
		expect(reasons).toEqual([
			'Got 72%, needed at least 80%',
			'Got 720 points, needed more than 800 points',
			'Got 480, needed exactly 500',
			'Got 3 tasks, needed at least 4 tasks',
			'Got 75%, needed anything but 75%',
			'Got 58 minutes, needed less than 45.5 minutes',
		]);
	});

	it('compares at two decimals, as values are shown', () => {
		const thirds = session({ maxScore: 900 }, { score: 300 });
		expect(thirds.scorePercent).toBe(33.33);
		expect(outcome(thirds, { metric: 'scorePercent', comparison: 'eq', threshold: 33.333 }).met).toBe(true);
		const seconds = session({ finishDate: Date.UTC(2026, 2, 2, 10, 0, 0) + 90_500 });
		expect(outcome(seconds, { metric: 'timeTakenMinutes', comparison: 'lte', threshold: 1.5 }).actual).toBe(1.51);
	});
});

describe('language, verification and integrity', () => {
	it('matches languages by name or CodeSignal id, in any case', () => {
		for (const language of ['Python', 'python3', 'PY3', 'sql', 'MySQL']) {
			expect(outcome(session(), { metric: 'language', comparison: 'used', threshold: language })).toMatchObject({
				actual: ['Python', 'SQL'],
				met: true,
			});
		}
		expect(outcome(session(), { metric: 'language', comparison: 'used', threshold: 'Java' })).toMatchObject({
			met: false,
			reason: 'Used Python, SQL, not Java',
		});
		expect(outcome(session(), { metric: 'language', comparison: 'notUsed', threshold: 'Java' }).met).toBe(true);
		expect(outcome(session(), { metric: 'language', comparison: 'notUsed', threshold: 'py' })).toMatchObject({
			met: false,
			reason: 'Used Python',
		});
	});

	it('knows a finished session that used no language from one whose languages are unknown', () => {
		const quizOnly = session({}, { taskResults: [{ score: 10, sessionTask: { maxScore: 10 }, solution: { answer: ['b'] } }] });
		expect(outcome(quizOnly, { metric: 'language', comparison: 'used', threshold: 'Go' })).toMatchObject({
			actual: [],
			met: false,
			reason: 'Used no programming language',
		});
		expect(outcome(quizOnly, { metric: 'language', comparison: 'notUsed', threshold: 'Go' }).met).toBe(true);
		// Read at summary detail there are no task results: "not used" cannot be claimed.
		const summary = session({}, null, 'summary');
		expect(outcome(summary, { metric: 'language', comparison: 'notUsed', threshold: 'Go' })).toMatchObject({
			actual: null,
			met: false,
			reason: 'No results in the item: read the session with its results',
		});
	});

	it('checks the verification status of proctored sessions', () => {
		const verified = { metric: 'verificationStatus', comparison: 'is', threshold: 'verified' };
		expect(outcome(session(), verified)).toMatchObject({ actual: 'verified', met: true, reason: null });
		expect(outcome(session({ verificationStatus: 'pending' }), verified)).toMatchObject({
			actual: 'pending',
			met: false,
			reason: 'Verification is pending, needed verified',
		});
		expect(outcome(session({ verificationStatus: 'notVerified' }), { ...verified, threshold: 'notVerified' }).met).toBe(true);
		expect(outcome(session({ verificationStatus: null }), verified)).toMatchObject({
			actual: null,
			met: false,
			reason: 'The session is not proctored, so it has no verification status',
		});
	});

	it('checks the integrity flag, set by CodeSignal or by a suspicious task', () => {
		const clean = { metric: 'integrityFlag', comparison: 'is', threshold: 'notFlagged' };
		expect(outcome(session(), clean)).toMatchObject({ actual: false, met: true });
		expect(outcome(session({ integrityReviewSuggested: true }), clean)).toMatchObject({
			actual: true,
			met: false,
			reason: 'Flagged for integrity review',
		});
		const suspicious = session({ integrityReviewSuggested: null }, {
			taskResults: [{ score: 1, sessionTask: { maxScore: 1 }, integrityReport: { suspicionScore: 'high' } }],
		});
		expect(outcome(suspicious, { ...clean, threshold: 'flagged' })).toMatchObject({ actual: true, met: true });
		expect(outcome(session(), { ...clean, threshold: 'flagged' }).reason).toBe('Not flagged for integrity review');
		expect(outcome(session({ integrityReviewSuggested: null }, null, 'summary'), clean)).toMatchObject({
			actual: null,
			met: false,
			reason: 'No integrity information in the session',
		});
	});
});

describe('missing values', () => {
	const everyMetric: CriterionInput[] = [
		{ metric: 'scorePercent', comparison: 'lte', threshold: 100 },
		{ metric: 'score', comparison: 'gte', threshold: 0 },
		{ metric: 'codingScore', comparison: 'gte', threshold: 0 },
		{ metric: 'solvedTaskCount', comparison: 'gte', threshold: 0 },
		{ metric: 'solvedTaskShare', comparison: 'gte', threshold: 0 },
		{ metric: 'timeTakenMinutes', comparison: 'gte', threshold: 0 },
		{ metric: 'language', comparison: 'notUsed', threshold: 'Go' },
		{ metric: 'integrityFlag', comparison: 'is', threshold: 'notFlagged' },
	];

	it('a session without a result meets nothing, and says why', () => {
		const assessment = assess(pendingSession(), everyMetric);
		expect(assessment.criteria.map(({ actual, met, reason }) => ({ actual, met, reason }))).toEqual(
			everyMetric.map(() => ({ actual: null, met: false, reason: 'No result yet: the session is pending' })),
		);
		expect(assessment).toMatchObject({ score: 0, passed: true, tier: 'Reject' });
	});

	it.each([
		['active', 'No result yet: the session is in progress'],
		['expired', 'No result: the session expired'],
		['declined', 'No result: the candidate declined the test'],
	])('names the %s status', (status, reason) => {
		const item = session({ status, finishDate: null }, null);
		expect(outcome(item, everyMetric[1]).reason).toBe(reason);
	});

	it('a null maximum score leaves the percentage missing, not NaN', () => {
		const item = session({ maxScore: null });
		expect(outcome(item, everyMetric[0])).toMatchObject({
			actual: null,
			met: false,
			reason: 'No percentage: the session has no maximum score',
		});
		expect(outcome(session({ maxScore: 0 }), everyMetric[0]).reason).toBe('No percentage: the maximum score is 0');
		expect(outcome(item, everyMetric[1]).met).toBe(true);
	});

	it('names each value a finished session lacks', () => {
		expect(outcome(session({}, { versionedCodingScore: null }), everyMetric[2]).reason).toBe(
			'No coding score: the test does not give one',
		);
		expect(outcome(session({ taskCount: null }), everyMetric[4]).reason).toBe('No task count in the session');
		expect(outcome(session({}, { solvedTaskCount: null }), everyMetric[3]).reason).toBe('No solved-task count in the result');
		expect(outcome(session({ startDate: null }), everyMetric[5]).reason).toBe('No start or finish time in the session');
		expect(outcome(session({}, null, 'summary'), everyMetric[1]).reason).toBe(
			'No results in the item: read the session with its results',
		);
	});

	it('an item built by hand with wrong types scores 0 without throwing or NaN', () => {
		const handMade = { id: 'x', status: 'over', score: 'lots', maxScore: '100', scorePercent: Number.NaN, languages: 'py3', tasks: 'none' };
		const assessment = assess(handMade as unknown as SessionItem, [
			...everyMetric,
			{ metric: 'verificationStatus', comparison: 'is', threshold: 'verified' },
		]);
		expect(assessment.score).toBe(0);
		expect(assessment.criteria.every((criterion) => !criterion.met && criterion.actual === null && criterion.reason)).toBe(true);
		expect(JSON.stringify(assessment)).not.toMatch(/NaN|undefined/);
	});
});

describe('weights, dealbreakers and tiers', () => {
	const scoreAtLeast = (threshold: number, weight: number, required = false) => ({
		metric: 'scorePercent',
		comparison: 'gte',
		threshold,
		weight,
		required,
	});

	it('normalises weights to 100; a criterion not met earns nothing', () => {
		const assessment = assess(session(), [scoreAtLeast(70, 3), scoreAtLeast(90, 1)]);
		expect(assessment.score).toBe(75);
		expect(assessment.criteria.map((criterion) => criterion.points)).toEqual([75, 0]);
		expect(assess(session(), [scoreAtLeast(70, 1), scoreAtLeast(90, 1), scoreAtLeast(95, 1)]).score).toBe(33.33);
	});

	it('a weight of 0 neither adds nor takes away', () => {
		expect(assess(session(), [scoreAtLeast(70, 2), scoreAtLeast(90, 0)]).score).toBe(100);
	});

	it('passes only when every required criterion is met, and a failed dealbreaker means the lowest tier', () => {
		const passing = assess(session(), [scoreAtLeast(70, 9, true), scoreAtLeast(90, 1)]);
		expect(passing).toMatchObject({ score: 90, passed: true, tier: 'Strong' });
		const failing = assess(session(), [scoreAtLeast(70, 9), scoreAtLeast(90, 1, true)]);
		expect(failing).toMatchObject({ score: 90, passed: false, tier: 'Reject' });
	});

	it('reports each criterion with its configuration', () => {
		const [criterion] = assess(session(), [{ ...scoreAtLeast(70, 2, true), label: 'Solid score' }]).criteria;
		expect(criterion).toEqual({
			label: 'Solid score',
			prompt: 'Scored at least 70% on the CodeSignal Backend Engineer Assessment',
			metric: 'scorePercent',
			comparison: 'gte',
			threshold: 70,
			weight: 2,
			required: true,
			actual: 72,
			met: true,
			reason: null,
			points: 100,
		});
	});
});
