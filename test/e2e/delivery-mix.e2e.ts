/**
 * A reduced `npm run torture` (scripts/torture/liveTorture.ts) in one n8n 2.40.7 process, without the CPU hog:
 * 300 deliveries signed as the CodeSignal sandbox signs them — valid finished sessions with and without
 * externalId, exact repeats, bad signatures, unsigned, a wrong organization, malformed JSON, pings, unselected
 * events, bodies over 1 MiB — to the live workflow while the backfill polls every minute. Each class gets its
 * status, only valid deliveries start executions (one each), and Endorsed ends with exactly one candidate,
 * report and nomination per finished session, whichever path pushed it first.
 */
import { DELIVERY_CLASSES, liveTortureWorld, LiveTortureOutcome, mixCounts, runLiveTorture } from '../../scripts/torture/liveTorture';
import { ExampleWorld, startExampleWorld } from './support/exampleWorld';

const DELIVERIES = 300;

describe(`${DELIVERIES} mixed deliveries to the live workflow, the backfill active, in n8n 2.40.7`, () => {
	const counts = mixCounts(DELIVERIES);
	let world: ExampleWorld;
	let outcome: LiveTortureOutcome;

	beforeAll(async () => {
		world = await startExampleWorld({ ...liveTortureWorld, port: 6500 });
		outcome = await runLiveTorture(world, { deliveries: DELIVERIES, concurrency: 4 });
	});

	afterAll(async () => {
		await world?.close();
	});

	it('answers every delivery with the status of its class', () => {
		const statuses = outcome.classes.map(({ label, statuses: answered }) => ({ label, statuses: Object.fromEntries(answered) }));

		expect(statuses).toEqual(
			DELIVERY_CLASSES.map(({ name, label, status }) => ({ label, statuses: { [status]: counts[name] } })),
		);
	});

	it('runs each valid delivery once, successfully, and nothing for any other delivery', () => {
		const executions = outcome.classes.map(({ name, executions: started, failedExecutions }) => ({
			name,
			started,
			failedExecutions,
		}));

		expect(executions).toEqual(
			DELIVERY_CLASSES.map(({ name }) => ({ name, started: name === 'valid' ? counts.valid : 0, failedExecutions: 0 })),
		);
		expect(outcome.liveExecutions).toBe(counts.valid);
		expect(outcome.validWithoutExecution).toEqual([]);
		expect(outcome.unattributedExecutions).toBe(0);
	});

	it('leaves one candidate, one report and one nomination per finished session in Endorsed, after live and backfill', () => {
		expect(outcome.backfill).toEqual(expect.objectContaining({ failed: 0, sessionsSeen: counts.valid }));
		expect(outcome.audit).toEqual({ sessions: counts.valid, complete: counts.valid, missing: [], duplicated: [], unexpected: [] });
		expect(outcome.classes.map(({ sessionsReported }) => sessionsReported)).toEqual(
			DELIVERY_CLASSES.map(({ name }) => (name === 'valid' ? counts.valid : 0)),
		);
	});
});
