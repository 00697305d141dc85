/**
 * The scheduled backfill workflow in a real n8n 2.40.7: every finished session reaches Endorsed exactly once
 * across polls and a restart (see support/backfillScenario.ts), with n8n's poll scheduling as it comes and with
 * its durable scheduler and durable poll cursors on, and when n8n is killed outright while an execution pushes a
 * batch.
 */
import { setTimeout as sleep } from 'node:timers/promises';

import type { SessionRecord } from '../../sandbox/codesignal';
import { killDuringExecution, restartAfterKill } from '../../scripts/torture/backfillKill';
import { withBackfillSettings } from '../../scripts/start/examples';
import {
	backfillScenario,
	DURABLE_POLL_CURSORS,
	expectEachSessionPushedOnce,
	expectPositionInPollerState,
} from './support/backfillScenario';
import { ExampleWorld, startExampleWorld } from './support/exampleWorld';

describe('the scheduled backfill workflow in n8n 2.40.7', () => {
	const scenario = backfillScenario();
	let world: ExampleWorld;

	beforeAll(async () => {
		world = await startExampleWorld({ ...scenario.worldOptions, port: 5750 });
	});

	afterAll(async () => {
		await world?.close();
	});

	it('pushes every finished session exactly once across polls and a restart', async () => {
		const outcome = await scenario.run(world, () => world.n8n.restart());

		expectEachSessionPushedOnce(outcome);
	});
});

describe('killed while an execution runs', () => {
	const SINCE = '2026-01-01T00:00:00.000Z';
	const REMOVED_STATUSES = new Set(['deleted', 'deletedForPii']);
	const FINISHING_MEANWHILE = 3;
	/** The history takes this many polls at least, so the kill leaves work for later polls too. */
	const POLLS = 4;
	let world: ExampleWorld;
	let seeded: SessionRecord[] = [];
	let perPoll = 0;

	const allSessions = () => world.codeSignal.store.tests().flatMap((test) => world.codeSignal.store.listSessions(test.id));
	const reportIds = async () =>
		(await world.endorsedState()).candidates.flatMap((candidate) => candidate.attachments.map((report) => report.remote_id)).sort();
	const waitFor = async (condition: () => Promise<boolean>, what: string, timeoutMs: number) => {
		const deadline = Date.now() + timeoutMs;
		while (!(await condition())) {
			if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}:\n${world.n8n.logs().slice(-3000)}`);
			await sleep(1000);
		}
	};

	beforeAll(async () => {
		world = await startExampleWorld({
			// About 40 finished sessions across five tests.
			codeSignal: { dataset: { tests: 5, sessionsPerTest: 22, proctoredTests: 0 } },
			// Endorsed answering each request after 100 ms, as a remote service does: an execution lasts seconds.
			endorsed: { faults: { rateSlow: 1, slowMs: 100 } },
			activate: ['backfill'],
			adapt: (workflows, codeSignal) => {
				seeded = codeSignal.store
					.tests()
					.flatMap((test) => codeSignal.store.listSessions(test.id))
					.filter(
						(session) =>
							session.finishDate !== null &&
							session.finishDate >= Date.parse(SINCE) &&
							!REMOVED_STATUSES.has(session.status),
					);
				perPoll = Math.ceil((seeded.length + FINISHING_MEANWHILE) / POLLS);
				const backfill = withBackfillSettings(workflows.backfill, { since: SINCE, everyMinute: true, maxResultsPerPoll: perPoll });
				return { ...workflows, backfill };
			},
			port: 6600,
		});
	});

	afterAll(async () => {
		await world?.close();
	});

	it('hands the lost batch over again after the restart: every session reaches Endorsed exactly once, no execution retried by hand', async () => {
		const workflowId = world.workflows.backfill.id;
		const killed = await killDuringExecution(world.n8n, world.session, {
			workflowId,
			endorsedRequests: () => world.endorsed.stats().requests,
			afterRequests: 10,
			timeoutMs: 150_000,
		});
		const finishedMeanwhile = allSessions()
			.filter((session) => session.status === 'pending')
			.slice(0, FINISHING_MEANWHILE)
			.map((session) => world.codeSignal.store.finishSession(session.id));
		const expected = [...seeded, ...finishedMeanwhile].map((session) => `codesignal-session-${session.id}`).sort();

		await restartAfterKill(world.n8n, world.session, workflowId);
		await waitFor(async () => (await reportIds()).length >= expected.length, 'every report', 360_000);
		// One more poll, and its execution if any, to let a repeat show.
		const requestsBefore = world.codeSignal.stats().requests;
		await waitFor(async () => world.codeSignal.stats().requests > requestsBefore, 'the next poll', 90_000);
		await sleep(15_000);
		await waitFor(async () => (await world.session.listExecutions({ workflowId, status: 'running' })).length === 0, 'the last execution', 60_000);

		const state = await world.endorsedState();
		const executions = await world.session.listExecutions({ workflowId });
		const statusOf = (id: string) => executions.find((execution) => execution.id === id)?.status;
		const countsOf = (keys: string[]) => [...new Set(keys)].map((key) => keys.filter((each) => each === key).length);

		// Several polls were needed, and the kill ended an execution before it could finish its batch.
		expect(perPoll).toBeLessThan(expected.length);
		expect(statusOf(killed.execution.id)).not.toBe('success');
		// Every session once: one report each, one candidate per person, one nomination per candidate and job.
		expect(await reportIds()).toEqual(expected);
		expect(Math.max(...countsOf(state.candidates.map((candidate) => candidate.remote_id)))).toBe(1);
		expect(Math.max(...countsOf(state.nominations.map((nomination) => `${nomination.job_id} ${nomination.candidate_id}`)))).toBe(1);
		// Every other execution ended well: nobody had to retry one.
		expect(executions.filter((execution) => execution.id !== killed.execution.id).map((execution) => execution.status)).toEqual(
			executions.filter((execution) => execution.id !== killed.execution.id).map(() => 'success'),
		);
	});
});

describe('the scheduled backfill workflow in n8n 2.40.7 with durable poll cursors', () => {
	const scenario = backfillScenario();
	let world: ExampleWorld;

	beforeAll(async () => {
		world = await startExampleWorld({ ...scenario.worldOptions, port: 6400, n8nEnv: DURABLE_POLL_CURSORS });
	});

	afterAll(async () => {
		await world?.close();
	});

	it('pushes every finished session exactly once across polls and a restart, its position in poller_state', async () => {
		const outcome = await scenario.run(world, () => world.n8n.restart());

		expectEachSessionPushedOnce(outcome);
		await expectPositionInPollerState(world);
	});
});
