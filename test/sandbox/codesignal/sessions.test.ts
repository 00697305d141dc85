import {
	startCodeSignalSandbox,
	type CodeSignalSandbox,
	type SessionRecord,
} from '../../../sandbox/codesignal';
import { TEST_SESSION_STATUSES } from '../../../sandbox/codesignal/model';
import { data, firstError, graphql } from './helpers';

const PAGE_QUERY = `query ($id: ID!, $first: Int, $offset: Int, $ids: [ID!]) {
	companyTestSessions(companyTestId: $id, first: $first, offset: $offset, ids: $ids) {
		id status finishDate createDate
	}
}`;

interface ListedSession {
	id: string;
	status: string;
	finishDate: number | null;
	createDate: number;
}

async function listAll(
	sandbox: CodeSignalSandbox,
	testId: string,
	pageSize = 20,
): Promise<ListedSession[]> {
	const all: ListedSession[] = [];
	for (let offset = 0; ; offset += pageSize) {
		const { companyTestSessions } = await data(sandbox, PAGE_QUERY, {
			id: testId,
			first: pageSize,
			offset,
		});
		all.push(...companyTestSessions);
		if (companyTestSessions.length < pageSize) return all;
	}
}

/** The documented order, checked pair by pair. */
function inListingOrder(a: ListedSession, b: ListedSession): boolean {
	if (a.finishDate !== null && b.finishDate !== null) {
		return a.finishDate > b.finishDate || (a.finishDate === b.finishDate && a.id < b.id);
	}
	if (a.finishDate !== null || b.finishDate !== null) return a.finishDate !== null;
	return a.createDate > b.createDate || (a.createDate === b.createDate && a.id < b.id);
}

describe('CodeSignal sandbox: listing test sessions', () => {
	let sandbox: CodeSignalSandbox;
	let testId: string;

	beforeAll(async () => {
		sandbox = await startCodeSignalSandbox({ rateLimit: { perSecond: 1000 } });
		testId = sandbox.store.tests()[0].id;
		// Three sessions finished at the same moment: ties are broken by id.
		sandbox.store.addSessions(testId, 3, { finishedAt: Date.parse('2026-09-20T12:00:00Z') });
	});
	afterAll(async () => await sandbox.close());

	it('returns every session exactly once across offset pages, finished first by finishDate, then newest invitations', async () => {
		const listed = await listAll(sandbox, testId);
		expect(listed).toHaveLength(sandbox.store.listSessions(testId).length);
		expect(new Set(listed.map((session) => session.id)).size).toBe(listed.length);
		for (let index = 1; index < listed.length; index++) {
			expect(inListingOrder(listed[index - 1], listed[index])).toBe(true);
		}
		const tied = listed.filter(
			(session) => session.finishDate === Date.parse('2026-09-20T12:00:00Z'),
		);
		expect(tied.map((session) => session.id)).toEqual(tied.map((session) => session.id).sort());
		expect(tied.length).toBeGreaterThanOrEqual(3);
	});

	it('pages the same way with a different page size', async () => {
		const byTwenty = await listAll(sandbox, testId, 20);
		const bySeven = await listAll(sandbox, testId, 7);
		expect(bySeven.map((session) => session.id)).toEqual(byTwenty.map((session) => session.id));
	});

	it('filters by ids within the test, keeping the order', async () => {
		const sessions = sandbox.store.listSessions(testId);
		const otherTestSession = sandbox.store.listSessions(sandbox.store.tests()[1].id)[0];
		const wanted = [sessions[5].id, sessions[1].id, otherTestSession.id];
		const { companyTestSessions } = await data(sandbox, PAGE_QUERY, { id: testId, ids: wanted });
		expect(companyTestSessions.map((session: ListedSession) => session.id)).toEqual([
			sessions[1].id,
			sessions[5].id,
		]);
	});

	it('lists CompanyTest.testSessions in the same order', async () => {
		const { companyTest } = await data(
			sandbox,
			'query ($id: ID!) { companyTest(id: $id) { testSessions(first: 20, offset: 20) { id } } }',
			{ id: testId },
		);
		const expected = sandbox.store
			.listSessions(testId)
			.slice(20, 40)
			.map((session) => session.id);
		expect(companyTest.testSessions.map((session: { id: string }) => session.id)).toEqual(expected);
	});

	it('has sessions in every status, with results only where the test was finished', () => {
		const sessions = sandbox.store
			.tests()
			.flatMap((test) => [...sandbox.store.listSessions(test.id)]);
		expect(new Set(sessions.map((session) => session.status))).toEqual(
			new Set(TEST_SESSION_STATUSES),
		);
		for (const session of sessions) {
			expect(session.result !== null).toBe(session.finishDate !== null);
			if (['pending', 'active', 'expired', 'declined'].includes(session.status)) {
				expect(session.result).toBeNull();
			}
		}
	});

	it('answers an unknown test id with a GraphQL error', async () => {
		const answer = await graphql(sandbox, PAGE_QUERY, { id: 'no-such-test' });
		expect(firstError(answer)).toBe('Company test "no-such-test" not found');
	});
});

describe('CodeSignal sandbox: session results', () => {
	let sandbox: CodeSignalSandbox;

	beforeAll(async () => {
		sandbox = await startCodeSignalSandbox({ rateLimit: { perSecond: 1000 } });
	});
	afterAll(async () => await sandbox.close());

	const RESULT_QUERY = `query ($id: ID!, $first: Int) {
		companyTestSessions(companyTestId: $id, first: $first) {
			id status maxScore verificationStatus
			test { scoringModel { type ... on CodingScore2023ScoringModel { scoreRange { min max } } } }
			result {
				score solvedTaskCount codingScore url
				versionedCodingScore { version value }
				coreSkillScores { implementation problemSolving speed }
				aiInsights { summary }
				taskResults {
					score solveTime timeSpent timeOpen
					sessionTask { maxScore task { id } }
					integrityReport { status suspicionScore }
					solution {
						__typename
						... on CodingSolution { sources { language source path } }
						... on QuizSolution { answer options { description isSelected } }
					}
				}
			}
		}
	}`;

	async function finishedSessions(testIndex: number) {
		const testId = sandbox.store.tests()[testIndex].id;
		const { companyTestSessions } = await data(sandbox, RESULT_QUERY, { id: testId, first: 20 });
		return companyTestSessions.filter((session: { result: unknown }) => session.result !== null);
	}

	it('reports scores as points out of maxScore, summed over the tasks, with a 200-600 coding score', async () => {
		const sessions = await finishedSessions(0);
		expect(sessions.length).toBeGreaterThan(5);
		for (const { result, maxScore, test } of sessions) {
			expect(test.scoringModel).toEqual({
				type: 'codingScore2023',
				scoreRange: { min: 200, max: 600 },
			});
			const taskTotal = result.taskResults.reduce(
				(sum: number, task: { score: number }) => sum + task.score,
				0,
			);
			expect(result.score).toBe(taskTotal);
			expect(result.score).toBeLessThanOrEqual(maxScore);
			expect(result.versionedCodingScore.version).toBe('codingScore2023');
			expect(result.versionedCodingScore.value).toBeGreaterThanOrEqual(200);
			expect(result.versionedCodingScore.value).toBeLessThanOrEqual(600);
			expect(result.codingScore).toBe(result.score === 0 ? 0 : result.versionedCodingScore.value);
			expect(result.url).toMatch(
				/^https:\/\/app\.codesignal\.com\/test-result\/\w+\?accessToken=[\w-]+$/,
			);
			expect(result.aiInsights.summary).toEqual(expect.any(String));
			expect(result.taskResults[0].integrityReport.status).toBe('ready');
		}
	});

	it('gives coding solutions in several languages and quiz answers for quiz tasks', async () => {
		const languages = new Set<string>();
		for (let testIndex = 0; testIndex < 5; testIndex++) {
			for (const session of await finishedSessions(testIndex)) {
				for (const taskResult of session.result.taskResults) {
					if (taskResult.solution?.__typename === 'CodingSolution') {
						for (const source of taskResult.solution.sources) languages.add(source.language);
					}
					if (taskResult.solution?.__typename === 'QuizSolution') {
						expect(taskResult.solution.answer).toHaveLength(1);
					}
				}
			}
		}
		expect([...languages]).toEqual(
			expect.arrayContaining(['py3', 'js', 'java', 'cpp', 'go', 'ts']),
		);
	});

	it('uses a raw scoring model without coding score on the SQL screen', async () => {
		const index = sandbox.store.tests().findIndex((test) => test.scoringModel.type === 'raw');
		const sessions = await finishedSessions(index);
		expect(sessions[0].test.scoringModel.type).toBe('raw');
		expect(sessions[0].result.versionedCodingScore).toBeNull();
	});

	it('gives proctored sessions a verification status and others none', async () => {
		const proctoredIndex = sandbox.store.tests().findIndex((test) => test.proctored);
		const proctored: SessionRecord[] = sandbox.store
			.listSessions(sandbox.store.tests()[proctoredIndex].id)
			.filter((session) => session.finishDate !== null);
		expect(new Set(proctored.map((session) => session.verificationStatus))).toEqual(
			new Set(['pending', 'verified', 'notVerified']),
		);
		for (const session of await finishedSessions(0)) expect(session.verificationStatus).toBeNull();
	});

	it('finds sessions by Greenhouse candidate and application ids', async () => {
		const session = sandbox.store
			.tests()
			.flatMap((test) => [...sandbox.store.listSessions(test.id)])
			.find((candidate) => candidate.integrations !== null)!;
		const query =
			'query ($id: String!, $type: AtsIdType!) { atsCompanyTestSessions(id: $id, idType: $type) { id } }';
		for (const type of ['greenhouseCandidateId', 'greenhouseApplicationId'] as const) {
			const { atsCompanyTestSessions } = await data(sandbox, query, {
				id: session.integrations![type],
				type,
			});
			expect(atsCompanyTestSessions.map((found: { id: string }) => found.id)).toContain(session.id);
		}
		const { atsCompanyTestSessions } = await data(sandbox, query, {
			id: '0',
			type: 'greenhouseCandidateId',
		});
		expect(atsCompanyTestSessions).toEqual([]);
	});
});
