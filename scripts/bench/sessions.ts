/**
 * `npm run bench:sessions`: lists 10,000 finished sessions of one test, with results, through the CodeSignal
 * node's Test Session → Get Many (in n8n's real ExecuteContext) against the CodeSignal sandbox.
 *
 * Prints requests made against the minimum, sessions/second against the ceiling (rate limit × page size) and
 * the busiest second the sandbox counted for the key; exits non-zero unless requests = minimum, throughput
 * ≥ 0.9 × ceiling and the busiest second ≤ the limit. `--cpu-hog` runs a busy child process beside it.
 *
 * The minimum is ⌊sessions / page size⌋ + 1: `companyTestSessions` is a plain list with no count, so only a
 * short (here: empty) page proves that it ended.
 */
import { CodeSignalApi } from '../../credentials/CodeSignalApi.credentials';
import { CodeSignal } from '../../nodes/CodeSignal/CodeSignal.node';
import { DEFAULT_PAGE_SIZE } from '../../nodes/shared/pagination';
import { startCodeSignalSandbox } from '../../sandbox/codesignal';
import { executeNode } from '../../test/helpers/n8n';
import { startCpuHog, wantsCpuHog } from './cpuHog';

const SESSIONS = 10_000;
const REQUESTS_PER_SECOND = 10;
const PAGE_SIZE = DEFAULT_PAGE_SIZE;
const REQUIRED_SHARE_OF_CEILING = 0.9;

async function main(): Promise<number> {
	const sandbox = await startCodeSignalSandbox({
		dataset: { tests: 1, sessionsPerTest: 0, proctoredTests: 0, liveInterviews: 0 },
		rateLimit: { perSecond: REQUESTS_PER_SECOND },
	});
	try {
		const [test] = sandbox.store.tests();
		const newest = sandbox.store.now();
		sandbox.store.addSessions(test.id, SESSIONS, {
			finishDates: Array.from({ length: SESSIONS }, (_, index) => newest - index * 60_000),
		});
		sandbox.resetStats();

		const hog = wantsCpuHog() ? startCpuHog(1) : undefined;
		const started = performance.now();
		const [output] = await executeNode({
			nodeType: new CodeSignal(),
			parameters: {
				resource: 'testSession',
				operation: 'getAll',
				test: { __rl: true, mode: 'id', value: test.id },
				returnAll: true,
				detail: 'results',
				options: { pageSize: PAGE_SIZE },
			},
			credentials: {
				codeSignalApi: { apiKey: sandbox.apiKey, endpoint: sandbox.graphqlUrl, requestsPerSecond: REQUESTS_PER_SECOND },
			},
			credentialTypes: [new CodeSignalApi()],
		});
		const seconds = (performance.now() - started) / 1000;
		await hog?.stop();
		const busiest = sandbox.busiestWindow(sandbox.apiKey);

		const stats = sandbox.stats();
		const withResults = output.filter((item) => typeof item.json.score === 'number').length;
		const minimum = Math.floor(SESSIONS / PAGE_SIZE) + 1;
		const ceiling = REQUESTS_PER_SECOND * PAGE_SIZE;
		const throughput = output.length / seconds;

		console.log(`sessions listed:   ${output.length} (${withResults} with results) in ${seconds.toFixed(1)} s`);
		console.log(`requests:          ${stats.requests} (minimum ${minimum}; rate-limited ${stats.rateLimited})${hog ? ', a CPU hog beside it' : ''}`);
		console.log(`busiest second:    ${busiest} requests for the key (limit ${REQUESTS_PER_SECOND})`);
		console.log(
			`throughput:        ${throughput.toFixed(1)} sessions/s (ceiling ${ceiling} = ${REQUESTS_PER_SECOND} req/s × ${PAGE_SIZE}; ` +
				`${((100 * throughput) / ceiling).toFixed(1)} %)`,
		);

		const failures = [
			output.length !== SESSIONS || withResults !== SESSIONS ? `expected ${SESSIONS} sessions with results` : '',
			stats.requests !== minimum ? `requests ${stats.requests} ≠ minimum ${minimum}` : '',
			busiest > REQUESTS_PER_SECOND ? `${busiest} requests in one second, above the limit of ${REQUESTS_PER_SECOND}` : '',
			throughput < REQUIRED_SHARE_OF_CEILING * ceiling
				? `throughput below ${REQUIRED_SHARE_OF_CEILING * 100} % of the ceiling`
				: '',
		].filter(Boolean);
		for (const failure of failures) console.error(`FAIL: ${failure}`);
		return failures.length === 0 ? 0 : 1;
	} finally {
		await sandbox.close();
	}
}

main().then(
	(code) => process.exit(code),
	(error) => {
		console.error(error);
		process.exit(1);
	},
);
