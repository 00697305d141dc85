import { SandboxStore, startCodeSignalSandbox, type CodeSignalSandbox } from '../../../sandbox/codesignal';
import { data } from './helpers';

const QUERY = `query ($id: ID!) {
	standardizedTestSession(id: $id) {
		id status maxScore taskCount verificationStatus verificationRejectionReasons { name }
		test { id title type duration framework { id title scoringModel { type } } }
		tasks { maxScore task { id } }
		result { score solvedTaskCount certificationStatus versionedCodingScore { value } taskResults { score } }
	}
}`;

describe('CodeSignal sandbox: standardized test sessions', () => {
	let sandbox: CodeSignalSandbox;

	beforeAll(async () => {
		sandbox = await startCodeSignalSandbox({ rateLimit: { perSecond: 1000 } });
	});
	afterAll(async () => await sandbox.close());

	it('serves every status, finished ones with a result certified as their proctoring review says', async () => {
		const sessions = sandbox.store.standardized.all();
		expect(new Set(sessions.map((session) => session.status)).size).toBe(10);
		const certification = { verified: 'certified', pending: 'pending', notVerified: 'rejected' };
		for (const session of sessions.filter((candidate) => candidate.status === 'over')) {
			const { standardizedTestSession: read } = await data(sandbox, QUERY, { id: session.id });
			expect(read).toMatchObject({
				id: session.id,
				status: 'over',
				taskCount: 4,
				test: {
					id: sandbox.store.standardized.test.id,
					type: 'certification',
					framework: { id: sandbox.store.frameworks()[0].id, scoringModel: { type: 'codingScore2023' } },
				},
				result: { certificationStatus: certification[session.verificationStatus!] },
			});
			expect(read.result.score).toBe(read.result.taskResults.reduce((sum: number, task: { score: number }) => sum + task.score, 0));
			expect(read.maxScore).toBe(read.tasks.reduce((sum: number, task: { maxScore: number }) => sum + task.maxScore, 0));
		}
		const pending = sessions.find((session) => session.status === 'pending')!;
		expect((await data(sandbox, QUERY, { id: pending.id })).standardizedTestSession).toMatchObject({
			result: null,
			verificationStatus: null,
		});
	});

	it('keeps standardized and company sessions apart', async () => {
		const companySession = sandbox.store.listSessions(sandbox.store.tests()[0].id)[0];
		const standardized = sandbox.store.standardized.all()[0];
		expect((await data(sandbox, QUERY, { id: companySession.id })).standardizedTestSession).toBeNull();
		const { companyTestSession } = await data(sandbox, 'query ($id: ID!) { companyTestSession(id: $id) { id } }', {
			id: standardized.id,
		});
		expect(companyTestSession).toBeNull();
		expect(sandbox.store.tests().map((test) => test.id)).not.toContain(standardized.testId);
	});

	it('generates the same sessions for the same seed', () => {
		const ids = (seed: number) => new SandboxStore({ seed }).standardized.all().map((session) => session.testTaker.email);
		expect(ids(3)).toEqual(ids(3));
		expect(ids(3)).not.toEqual(ids(4));
	});
});
