/**
 * The foundation's promise, end to end: the transport and the pagination helper, running in n8n's real
 * execution context against the CodeSignal sandbox, page through thousands of sessions while the sandbox
 * injects 429s, 5xx answers, slow answers and dropped connections, and get every session exactly once,
 * without ever exceeding the rate limit.
 */
import { startCodeSignalSandbox, type CodeSignalSandbox } from '../../../../sandbox/codesignal';
import { collectAll } from '../../../../nodes/shared/pagination';
import { costPerListItem } from '../../../../nodes/shared/codesignal/schema';
import { sessionDocuments, type RawSession } from '../../../../nodes/shared/codesignal/sessions';
import { codeSignalClient } from '../../../../nodes/shared/codesignal/transport';
import { inCodeSignalContext } from '../../../helpers/codesignalProbe';

const RATE = 40;
const SESSIONS = 2400;
let sandbox: CodeSignalSandbox;

beforeAll(async () => {
	sandbox = await startCodeSignalSandbox({
		seed: 11,
		dataset: { tests: 1, sessionsPerTest: SESSIONS, proctoredTests: 0 },
		rateLimit: { perSecond: RATE },
	});
});
afterAll(async () => await sandbox.close());

it('pages through thousands of sessions under injected faults and gets every one exactly once', async () => {
	const [test] = sandbox.store.tests();
	sandbox.setFaults({ seed: 5, rate429: 0.05, rate5xx: 0.05, rateDrop: 0.03, rateSlow: 0.03, slowMs: 400 });
	sandbox.resetStats();

	const listed = await inCodeSignalContext(
		{ apiKey: sandbox.apiKey, endpoint: sandbox.graphqlUrl, requestsPerSecond: RATE },
		async (context) => {
			const client = await codeSignalClient(context);
			const document = sessionDocuments.list.summary;
			return await collectAll(
				async ({ first, offset }) => ({
					items: (
						await client.request<{ companyTestSessions: RawSession[] }>(
							document,
							{ testId: test.id, first, offset },
							{ backoff: { baseDelayMs: 20, maxDelayMs: 200 }, timeoutMs: 300, maxAttempts: 8 },
						)
					).companyTestSessions,
				}),
				{ returnAll: true, costPerItem: costPerListItem(document.document, 'companyTestSessions') },
			);
		},
	);

	const ids = listed.map((session) => session.id);
	const expected = sandbox.store.listSessions(test.id).map((session) => session.id);
	expect(expected).toHaveLength(SESSIONS);
	expect(new Set(ids).size).toBe(ids.length);
	expect(ids).toEqual(expected);

	const stats = sandbox.stats();
	expect(stats.injectedFaults).toBeGreaterThan(10);
	expect(stats.rateLimited).toBe(0);
	expect(stats.maxRequestsInWindow).toBeLessThanOrEqual(RATE);
	expect(stats.maxFirstSeen).toBe(20);
});
