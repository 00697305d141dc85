import { SandboxStore, startCodeSignalSandbox } from '../../../sandbox/codesignal';
import { data } from './helpers';

/** Everything a client could read about the generated world, in a comparable form. */
function fingerprint(store: SandboxStore) {
	return {
		company: store.company,
		tests: store.tests().map((test) => ({
			id: test.id,
			title: test.title,
			slots: test.slots.map((slot) => slot.task.id),
		})),
		sessions: store.tests().flatMap((test) => store.listSessions(test.id)),
		interviews: store.liveInterviews(),
		templates: store.interviewTemplates(),
	};
}

describe('CodeSignal sandbox: generated data', () => {
	it('is the same for the same seed and different for another', () => {
		const first = fingerprint(new SandboxStore({ seed: 42 }));
		expect(fingerprint(new SandboxStore({ seed: 42 }))).toEqual(first);
		const other = fingerprint(new SandboxStore({ seed: 43 }));
		expect(other.company.id).not.toBe(first.company.id);
		expect(other.sessions.map((session) => session.testTaker.email)).not.toEqual(
			first.sessions.map((session) => session.testTaker.email),
		);
	});

	it('serves identical answers, result details included, from two sandboxes with the same seed', async () => {
		const [one, two] = await Promise.all([
			startCodeSignalSandbox({ seed: 5 }),
			startCodeSignalSandbox({ seed: 5 }),
		]);
		try {
			const query = `query ($id: ID!) { companyTestSessions(companyTestId: $id, first: 5) {
				id result { url aiInsights { summary } taskResults { timeSpent solution { ... on CodingSolution { sources { source } } } } }
			} }`;
			const testId = one.store.tests()[0].id;
			expect(await data(two, query, { id: testId })).toEqual(
				await data(one, query, { id: testId }),
			);
		} finally {
			await Promise.all([one.close(), two.close()]);
		}
	});

	it('scales to the sizes asked: tests, sessions per test, proctored tests, interviews, templates', () => {
		const store = new SandboxStore({
			dataset: {
				tests: 50,
				sessionsPerTest: 2000,
				proctoredTests: 3,
				liveInterviews: 30,
				interviewTemplates: 4,
			},
		});
		expect(store.tests()).toHaveLength(50);
		expect(store.tests().filter((test) => test.proctored)).toHaveLength(3);
		expect(new Set(store.tests().map((test) => test.title)).size).toBe(50);
		expect(store.tests().every((test) => store.listSessions(test.id).length === 2000)).toBe(true);
		expect(store.liveInterviews()).toHaveLength(30);
		expect(store.interviewTemplates()).toHaveLength(4);
	});

	it('serves a deep page of a 100,000-session test', async () => {
		const sandbox = await startCodeSignalSandbox({
			dataset: { tests: 1, sessionsPerTest: 100_000, proctoredTests: 0 },
		});
		try {
			const testId = sandbox.store.tests()[0].id;
			const sessions = sandbox.store.listSessions(testId);
			expect(sessions).toHaveLength(100_000);
			const { companyTestSessions } = await data(
				sandbox,
				'query ($id: ID!) { companyTestSessions(companyTestId: $id, first: 20, offset: 99990) { id result { score } } }',
				{ id: testId },
			);
			expect(companyTestSessions.map((session: { id: string }) => session.id)).toEqual(
				sessions.slice(99_990).map((session) => session.id),
			);
		} finally {
			await sandbox.close();
		}
	});
});
