/**
 * The scheduled backfill example (CodeSignal Results Trigger → Score → Endorsed Push Assessment) against a
 * small CodeSignal: every seeded finished session, and sessions that finish meanwhile, must reach Endorsed
 * exactly once across polls, with n8n (or a queue-mode deployment's main process) restarted between two of
 * them. n8n polls once when it activates the workflow (so at every start) and then on its schedule, here
 * every minute (the shortest interval n8n accepts).
 */
import { setTimeout as sleep } from 'node:timers/promises';

import type { CodeSignalSandbox, SessionRecord } from '../../../sandbox/codesignal';
import { withBackfillSettings } from '../../../scripts/start/examples';
import { ExampleWorld, ExampleWorldOptions } from './exampleWorld';
import { storedPollCursors } from './pollerState';

const SINCE = '2026-01-01T00:00:00.000Z';
const REPORT_UPLOADS = 'PUT /attachments/{id}';
const REMOVED_STATUSES = new Set(['deleted', 'deletedForPii']);
/**
 * n8n 2.36+'s durable poll cursors with the scheduler chain that n8n 2.37+ requires for them (without it n8n
 * warns and keeps them off): the durable scheduler, for poll triggers too, and the workflow publication service.
 */
export const DURABLE_POLL_CURSORS: Record<string, string> = {
	N8N_POLLER_DURABLE_CURSORS_ENABLED: 'true',
	N8N_SCHEDULER_ENABLED: 'true',
	N8N_SCHEDULER_POLL_TRIGGERS_ENABLED: 'true',
	N8N_USE_WORKFLOW_PUBLICATION_SERVICE: 'true',
};
/** Sessions that finish while the backfill runs. */
const FINISHING_MEANWHILE = 2;
/** The per-poll cap spreads the work over three polls: at activation, after the restart, on the schedule. */
export const BACKFILL_POLLS = 3;

function allSessions(codeSignal: CodeSignalSandbox): SessionRecord[] {
	return codeSignal.store.tests().flatMap((test) => codeSignal.store.listSessions(test.id));
}

export interface BackfillScenario {
	/** What the world needs: a small CodeSignal and the backfill alone, polling every minute from SINCE. */
	worldOptions: Pick<ExampleWorldOptions, 'codeSignal' | 'activate' | 'adapt'>;
	/** Runs the polls with a restart between two of them and returns what Endorsed and n8n then hold. */
	run(world: ExampleWorld, restart: () => Promise<void>): Promise<BackfillOutcome>;
}

export interface BackfillOutcome {
	perPoll: number;
	/** `codesignal-session-<id>` of every session that must reach Endorsed, sorted. */
	expected: string[];
	/** Each report uploaded to Endorsed, sorted. */
	reported: string[];
	reportUploads: number;
	executionStatuses: string[];
}

export function backfillScenario(): BackfillScenario {
	let seeded: SessionRecord[] = [];
	let perPoll = 0;

	return {
		worldOptions: {
			codeSignal: { dataset: { tests: 3, sessionsPerTest: 10, proctoredTests: 0 } },
			activate: ['backfill'],
			adapt: (workflows, codeSignal) => {
				seeded = allSessions(codeSignal).filter(
					(session) =>
						session.finishDate !== null &&
						session.finishDate >= Date.parse(SINCE) &&
						!REMOVED_STATUSES.has(session.status),
				);
				perPoll = Math.ceil((seeded.length + FINISHING_MEANWHILE) / BACKFILL_POLLS);
				const backfill = withBackfillSettings(workflows.backfill, {
					since: SINCE,
					everyMinute: true,
					maxResultsPerPoll: perPoll,
				});
				return { ...workflows, backfill };
			},
		},

		async run(world, restart) {
			const reportUploads = () => world.endorsed.stats().byRoute[REPORT_UPLOADS] ?? 0;
			const waitFor = async (condition: () => boolean, what: string, timeoutMs: number) => {
				const deadline = Date.now() + timeoutMs;
				while (!condition()) {
					if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}:\n${world.n8n.logs().slice(-3000)}`);
					await sleep(500);
				}
			};
			/** Resolves once the next scheduled poll has read CodeSignal and its execution, if any, has ended. */
			const nextPollDone = async () => {
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
			};

			const backfillId = world.workflows.backfill.id;
			// At least: n8n's durable scheduler may run its first scheduled poll seconds after the one at activation.
			await waitFor(() => reportUploads() >= perPoll, 'the reports of the poll at activation', 120_000);
			await world.session.waitForExecutions(backfillId, 1);
			const finishedMeanwhile = allSessions(world.codeSignal)
				.filter((session) => session.status === 'pending')
				.slice(0, FINISHING_MEANWHILE)
				.map((session) => world.codeSignal.store.finishSession(session.id));
			const expected = [...seeded, ...finishedMeanwhile].map((session) => `codesignal-session-${session.id}`).sort();

			await restart();
			await waitFor(() => reportUploads() >= expected.length, 'every report', 240_000);
			await nextPollDone();

			const state = await world.endorsedState();
			const executions = await world.session.listExecutions({ workflowId: backfillId });
			return {
				perPoll,
				expected,
				reported: state.candidates.flatMap((candidate) => candidate.attachments.map((report) => report.remote_id)).sort(),
				reportUploads: reportUploads(),
				executionStatuses: executions.map((execution) => execution.status),
			};
		},
	};
}

/** What both modes must show: every session pushed once, over several polls, every execution a success. */
export function expectEachSessionPushedOnce(outcome: BackfillOutcome): void {
	expect(outcome.perPoll).toBeLessThan(outcome.expected.length);
	expect(outcome.reportUploads).toBe(outcome.expected.length);
	expect(outcome.reported).toEqual(outcome.expected);
	expect(outcome.executionStatuses.length).toBeGreaterThanOrEqual(BACKFILL_POLLS);
	expect(outcome.executionStatuses).toEqual(outcome.executionStatuses.map(() => 'success'));
}

/**
 * With durable poll cursors on, the Results Trigger's position (`sync`) is in n8n's poller_state table, committed
 * with each poll's execution, and not in the workflow's static data.
 */
export async function expectPositionInPollerState(world: ExampleWorld): Promise<void> {
	const { id, nodes } = world.workflows.backfill;
	const trigger = nodes.find((node) => String(node.type).endsWith('.codeSignalResultsTrigger'));
	const cursors = await storedPollCursors(world, id);
	expect(Object.keys(cursors)).toEqual([trigger?.id]);
	expect(cursors[String(trigger?.id)]).toHaveProperty('sync');
	const { staticData } = await world.session.publicApi<{ staticData?: unknown }>('GET', `/workflows/${id}`);
	expect(JSON.stringify(staticData ?? null)).not.toContain('"sync"');
	expect(world.n8n.logs()).not.toContain('durable poll cursors stay disabled');
}
