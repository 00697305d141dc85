/**
 * The scheduled backfill example (CodeSignal Results Trigger → Score → Endorsed Push Assessment) in a real
 * n8n 2.40.7: every seeded finished session, and sessions that finish meanwhile, reach Endorsed exactly once
 * across polls, with n8n restarted between two of them. n8n polls once when it activates the workflow (so at
 * every start) and then on its schedule, here every minute (the shortest interval n8n accepts).
 */
import { setTimeout as sleep } from 'node:timers/promises';

import type { CodeSignalSandbox, SessionRecord } from '../../sandbox/codesignal';
import { withBackfillSettings } from '../../scripts/start/examples';
import { ExampleWorld, startExampleWorld } from './support/exampleWorld';

const SINCE = '2026-01-01T00:00:00.000Z';
const REPORT_UPLOADS = 'PUT /attachments/{id}';
const REMOVED_STATUSES = new Set(['deleted', 'deletedForPii']);
/** Sessions that finish while the backfill runs. */
const FINISHING_MEANWHILE = 2;
/** The per-poll cap spreads the work over three polls: at activation, after the restart, on the schedule. */
const POLLS = 3;

function allSessions(codeSignal: CodeSignalSandbox): SessionRecord[] {
	return codeSignal.store.tests().flatMap((test) => codeSignal.store.listSessions(test.id));
}

describe('the scheduled backfill workflow in n8n 2.40.7', () => {
	let world: ExampleWorld;
	let seeded: SessionRecord[];
	let perPoll: number;

	const reportUploads = () => world.endorsed.stats().byRoute[REPORT_UPLOADS] ?? 0;

	async function waitFor(condition: () => boolean, what: string, timeoutMs: number) {
		const deadline = Date.now() + timeoutMs;
		while (!condition()) {
			if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}:\n${world.n8n.logs().slice(-3000)}`);
			await sleep(500);
		}
	}

	/** Resolves once the next scheduled poll has read CodeSignal and its execution, if any, has ended. */
	async function nextPollDone() {
		const requestsBefore = world.codeSignal.stats().requests;
		await waitFor(() => world.codeSignal.stats().requests > requestsBefore, 'the next poll', 90_000);
		let seen = -1;
		await waitFor(() => {
			const requests = world.codeSignal.stats().requests;
			const quiet = requests === seen;
			seen = requests;
			return quiet;
		}, 'the poll to end', 60_000);
		await sleep(5000);
	}

	beforeAll(async () => {
		world = await startExampleWorld({
			codeSignal: { dataset: { tests: 3, sessionsPerTest: 10, proctoredTests: 0 } },
			activate: ['backfill'],
			port: 5750,
			adapt: (workflows, codeSignal) => {
				seeded = allSessions(codeSignal).filter(
					(session) =>
						session.finishDate !== null &&
						session.finishDate >= Date.parse(SINCE) &&
						!REMOVED_STATUSES.has(session.status),
				);
				perPoll = Math.ceil((seeded.length + FINISHING_MEANWHILE) / POLLS);
				const backfill = withBackfillSettings(workflows.backfill, {
					since: SINCE,
					everyMinute: true,
					maxResultsPerPoll: perPoll,
				});
				return { ...workflows, backfill };
			},
		});
	});

	afterAll(async () => {
		await world?.close();
	});

	it('pushes every finished session exactly once across polls and a restart', async () => {
		const backfillId = world.workflows.backfill.id;
		await waitFor(() => reportUploads() === perPoll, 'the reports of the poll at activation', 120_000);
		await world.session.waitForExecutions(backfillId, 1);
		const finishedMeanwhile = allSessions(world.codeSignal)
			.filter((session) => session.status === 'pending')
			.slice(0, FINISHING_MEANWHILE)
			.map((session) => world.codeSignal.store.finishSession(session.id));
		const expected = [...seeded, ...finishedMeanwhile].map((session) => `codesignal-session-${session.id}`).sort();

		await world.n8n.restart();
		await waitFor(() => reportUploads() >= expected.length, 'every report', 240_000);
		await nextPollDone();

		const state = await world.endorsedState();
		const reported = state.candidates.flatMap((candidate) => candidate.attachments.map((report) => report.remote_id));
		const executions = await world.session.listExecutions({ workflowId: backfillId });
		expect(perPoll).toBeLessThan(expected.length);
		expect(reportUploads()).toBe(expected.length);
		expect(reported.sort()).toEqual(expected);
		expect(executions.length).toBeGreaterThanOrEqual(POLLS);
		expect(executions.map((execution) => execution.status)).toEqual(executions.map(() => 'success'));
	});
});
