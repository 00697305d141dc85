/**
 * The package on n8n 2.40.7 in queue mode, as scripts/n8n/queue.ts deploys it (and `npm start -- --queue`
 * runs it): a main process, 2 workers and 2 webhook processes behind a round-robin proxy, on PostgreSQL and
 * Redis, the package installed into every process. The example workflows activate; deliveries signed by the
 * CodeSignal sandbox's webhook sender reach both webhook processes in turn, run on the workers and reach
 * Endorsed, and a delivery repeated to the other webhook process reaches it once; the backfill pushes every
 * session exactly once across a restart of the main process, with n8n's durable poll cursors off and on.
 */
import { setTimeout as sleep } from 'node:timers/promises';

import type { SessionRecord } from '../../sandbox/codesignal';
import type { QueueDeployment } from '../../scripts/n8n/queue';
import { EXAMPLE_WORKFLOW_IDS } from '../../scripts/start/examples';
import {
	backfillScenario,
	DURABLE_POLL_CURSORS,
	expectEachSessionPushedOnce,
	expectPositionInPollerState,
} from './support/backfillScenario';
import { exampleActivation, ExampleWorld, startExampleWorld } from './support/exampleWorld';

const QUEUE = { workers: 2, webhookProcesses: 2 };
const DELIVERIES = 4;
const REPORT_UPLOADS = 'PUT /attachments/{id}';

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

	it('stops a delivery repeated to the other webhook process in the trigger: 2 executions, 1 candidate, report and nomination', async () => {
		world.pointWebhookAt('live');
		const live = world.workflows.live.id;
		const [session] = world.codeSignal.store
			.tests()
			.filter((test) => !test.proctored)
			.flatMap((test) => world.codeSignal.store.listSessions(test.id))
			.filter((session) => session.status === 'pending');
		// Finished with the sender off, so that the two deliveries below are the only ones for this session.
		world.codeSignal.webhooks.configure({ endpointUrl: world.webhookUrl('live'), events: [] });
		world.codeSignal.store.finishSession(session.id);
		world.pointWebhookAt('live');
		const event = 'companyTestSessionFinished';
		const payload = world.codeSignal.webhooks.payloadFor(event, session.id);
		const triggeredOn = Date.now();
		const report = `codesignal-session-${session.id}`;
		const uploadsBefore = world.endorsed.stats().byRoute[REPORT_UPLOADS] ?? 0;
		const earlier = new Set((await world.session.listExecutions({ workflowId: live })).map((execution) => execution.id));
		const routedBefore = deployment.proxy.webhookRoutes().length;

		// The same body and signature twice, as CodeSignal resends a delivery whose 200 it did not see: its first
		// retry comes at least 15 s later, by when the first execution has ended.
		const first = await world.codeSignal.webhooks.deliverOnce(event, payload, { triggeredOn });
		await endedExecutions(world, earlier.size + 1);
		const repeat = await world.codeSignal.webhooks.deliverOnce(event, payload, { triggeredOn });
		const ended = await endedExecutions(world, earlier.size + 2);

		expect([first.status, repeat.status]).toEqual([200, 200]);
		const [firstRoute, repeatRoute] = deployment.proxy.webhookRoutes().slice(routedBefore);
		expect(repeatRoute.upstream).not.toBe(firstRoute.upstream);
		// Two executions: the repeat's stops in the trigger, which finds the delivery in n8n's de-duplication store.
		const added = ended.filter((execution) => !earlier.has(execution.id));
		expect(added).toHaveLength(2);
		const [firstRun, repeatRun] = await Promise.all(
			added.sort((a, b) => Number(a.id) - Number(b.id)).map((execution) => nodesRun(world, execution.id)),
		);
		expect(firstRun).toEqual({ status: 'success', nodes: ['Result Ready', 'Score Result', 'Push to Endorsed'] });
		expect(repeatRun).toEqual({ status: 'success', nodes: ['Result Ready'] });
		const state = await world.endorsedState();
		const candidates = state.candidates.filter((candidate) =>
			candidate.attachments.some((attachment) => attachment.remote_id === report),
		);
		expect(candidates).toHaveLength(1);
		expect(candidates[0].attachments.filter((attachment) => attachment.remote_id === report)).toHaveLength(1);
		expect(state.nominations.filter((nomination) => nomination.candidate_id === candidates[0].id)).toHaveLength(1);
		expect((world.endorsed.stats().byRoute[REPORT_UPLOADS] ?? 0) - uploadsBefore).toBe(1);
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

describe('the scheduled backfill on n8n 2.40.7 in queue mode with durable poll cursors', () => {
	const scenario = backfillScenario();
	let world: ExampleWorld;

	beforeAll(async () => {
		world = await startExampleWorld({
			...scenario.worldOptions,
			port: 6420,
			queue: QUEUE,
			n8nEnv: DURABLE_POLL_CURSORS,
		});
	});

	afterAll(async () => {
		await world?.close();
	});

	it('pushes every finished session exactly once across polls and a restart of the main process, its position in poller_state', async () => {
		const main = deploymentOf(world).main;
		const outcome = await scenario.run(world, () => main.restart());

		expectEachSessionPushedOnce(outcome);
		await expectPositionInPollerState(world);
	});
});

/** The nodes an execution ran (with items or without), in the order they ran, and how it ended. */
async function nodesRun(world: ExampleWorld, executionId: string): Promise<{ status: string; nodes: string[] }> {
	const execution = await world.session.publicApi<{
		status: string;
		data: { resultData: { runData: Record<string, Array<{ startTime: number }>> } };
	}>('GET', `/executions/${executionId}?includeData=true`);
	const runs = Object.entries(execution.data.resultData.runData);
	return {
		status: execution.status,
		nodes: runs.sort(([, a], [, b]) => a[0].startTime - b[0].startTime).map(([node]) => node),
	};
}

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
