/**
 * The package on n8n 2.40.7 in queue mode, as scripts/n8n/queue.ts deploys it (and `npm start -- --queue`
 * runs it): a main process, 2 workers and 2 webhook processes behind a round-robin proxy, on PostgreSQL and
 * Redis, the package installed into every process. The example workflows activate; deliveries signed by the
 * CodeSignal sandbox's webhook sender reach both webhook processes in turn, run on the workers and reach
 * Endorsed; the backfill pushes every session exactly once across a restart of the main process.
 */
import { setTimeout as sleep } from 'node:timers/promises';

import type { SessionRecord } from '../../sandbox/codesignal';
import type { QueueDeployment } from '../../scripts/n8n/queue';
import { EXAMPLE_WORKFLOW_IDS } from '../../scripts/start/examples';
import { backfillScenario, expectEachSessionPushedOnce } from './support/backfillScenario';
import { exampleActivation, ExampleWorld, startExampleWorld } from './support/exampleWorld';

const QUEUE = { workers: 2, webhookProcesses: 2 };
const DELIVERIES = 4;

function deploymentOf(world: ExampleWorld): QueueDeployment {
	if (!world.deployment) throw new Error('The world was not started in queue mode');
	return world.deployment;
}

describe('the example workflows on n8n 2.40.7 in queue mode (2 workers, 2 webhook processes)', () => {
	let world: ExampleWorld;
	let deployment: QueueDeployment;

	beforeAll(async () => {
		world = await startExampleWorld({
			activate: ['live', 'backfill', 'reminder', 'feedback', 'hiringRound'],
			port: 5800,
			queue: QUEUE,
		});
		deployment = deploymentOf(world);
	});

	afterAll(async () => {
		await world?.close();
	});

	it('activates every example workflow', async () => {
		const states = await exampleActivation(world.session);

		expect(states).toEqual(Object.values(EXAMPLE_WORKFLOW_IDS).map((id) => ({ id, active: true })));
	});

	it('runs signed deliveries, sent to the webhook processes in turn, on the workers, and they reach Endorsed', async () => {
		world.pointWebhookAt('live');
		const sessions: SessionRecord[] = world.codeSignal.store
			.tests()
			.filter((test) => !test.proctored)
			.flatMap((test) => world.codeSignal.store.listSessions(test.id))
			.filter((session) => session.status === 'pending')
			.slice(0, DELIVERIES);
		const routedBefore = deployment.proxy.webhookRoutes().length;

		// Each finish makes the sandbox send a signed "Test Session Finished", one delivery at a time.
		for (const session of sessions) world.codeSignal.store.finishSession(session.id);
		await world.codeSignal.webhooks.idle();
		const ended = await endedExecutions(world, DELIVERIES);

		const upstreams = deployment.proxy.webhookRoutes().slice(routedBefore).map((route) => route.upstream);
		expect(world.codeSignal.webhooks.log().map(({ status }) => status)).toEqual(sessions.map(() => 200));
		expect([...upstreams].sort()).toEqual([0, 0, 1, 1]);
		expect(upstreams.every((upstream, index) => index === 0 || upstream !== upstreams[index - 1])).toBe(true);
		expect(await world.session.countExecutions(world.workflows.live.id)).toBe(DELIVERIES);
		expect(ended.map((execution) => execution.status)).toEqual(sessions.map(() => 'success'));
		// Each execution started on exactly one worker (n8n logs "Worker started execution <id> (job <n>)").
		const workersThatRan = (executionId: string) =>
			deployment.workers.filter((worker) => worker.logs().includes(`Worker started execution ${executionId} (`)).length;
		expect(ended.map((execution) => workersThatRan(execution.id))).toEqual(sessions.map(() => 1));
		const reports = (await world.endorsedState()).candidates.flatMap((candidate) =>
			candidate.attachments.map((attachment) => attachment.remote_id),
		);
		expect(reports.sort()).toEqual(sessions.map((session) => `codesignal-session-${session.id}`).sort());
	});

	it("kept the whole deployment within CodeSignal's 10 requests a second for its key", () => {
		// The sandbox counts every request with the key, from the main's polls and both workers' executions alike.
		const busiest = world.codeSignal.busiestWindow(world.codeSignal.apiKey);

		expect(world.codeSignal.stats().requests).toBeGreaterThan(0);
		expect(busiest).toBeGreaterThan(0);
		expect(busiest).toBeLessThanOrEqual(10);
	});
});

describe('the scheduled backfill on n8n 2.40.7 in queue mode', () => {
	const scenario = backfillScenario();
	let world: ExampleWorld;

	beforeAll(async () => {
		world = await startExampleWorld({ ...scenario.worldOptions, port: 5830, queue: QUEUE });
	});

	afterAll(async () => {
		await world?.close();
	});

	it('pushes every finished session exactly once across polls and a restart of the main process', async () => {
		const main = deploymentOf(world).main;
		const outcome = await scenario.run(world, () => main.restart());

		expectEachSessionPushedOnce(outcome);
	});
});

/** The workflow's executions once `count` of them have ended. */
async function endedExecutions(world: ExampleWorld, count: number) {
	const deadline = Date.now() + 120_000;
	for (;;) {
		const executions = await world.session.listExecutions({ workflowId: world.workflows.live.id });
		const ended = executions.filter((execution) => execution.stoppedAt);
		if (ended.length >= count) return ended;
		if (Date.now() > deadline) throw new Error(`Only ${ended.length} of ${count} executions ended within 2 minutes`);
		await sleep(500);
	}
}
