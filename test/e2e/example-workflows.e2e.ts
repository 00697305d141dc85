/**
 * The example workflows in a real n8n 2.40.7 with the package installed as users install it: they activate,
 * and the live one (CodeSignal Trigger → Score → Endorsed Push Assessment) runs for deliveries signed by
 * the CodeSignal sandbox's webhook sender and for nothing else. Also the credential tests, through n8n's REST API.
 */
import { setTimeout as sleep } from 'node:timers/promises';

import { ORGANIZATION_HEADER } from '../../nodes/shared/codesignal/organizationId';
import type { DeliverOnceOptions, SessionRecord } from '../../sandbox/codesignal';
import { EXAMPLE_CREDENTIALS, EXAMPLE_WORKFLOW_IDS } from '../../scripts/start/examples';
import { exampleActivation, ExampleWorld, firstEndedExecution, startExampleWorld } from './support/exampleWorld';

const FINISHED = 'companyTestSessionFinished';

describe('the example workflows in n8n 2.40.7', () => {
	let world: ExampleWorld;
	let unfinished: SessionRecord[];

	const liveExecutions = () => world.session.countExecutions(world.workflows.live.id);
	const deliver = (session: SessionRecord, options: DeliverOnceOptions = {}) =>
		world.codeSignal.webhooks.deliverOnce(FINISHED, world.codeSignal.webhooks.payloadFor(FINISHED, session.id), options);

	/**
	 * Finishes a session (the sandbox then sends the webhook) and waits until the execution it started has
	 * ended; returns every execution of the live workflow then.
	 */
	async function finishAndAwaitExecution(session: SessionRecord) {
		const sentAt = Date.now();
		world.codeSignal.store.finishSession(session.id);
		await world.codeSignal.webhooks.idle();
		const deadline = Date.now() + 30_000;
		for (;;) {
			const executions = await world.session.listExecutions({ workflowId: world.workflows.live.id });
			const started = executions.find((execution) => Date.parse(execution.startedAt) >= sentAt);
			if (started?.stoppedAt) return executions;
			if (Date.now() > deadline) throw new Error(`No finished execution for the delivery about ${session.id}`);
			await sleep(200);
		}
	}

	beforeAll(async () => {
		world = await startExampleWorld({ activate: ['live', 'backfill', 'reminder', 'feedback', 'hiringRound'], port: 5740 });
		world.pointWebhookAt('live');
		const regularTests = world.codeSignal.store.tests().filter((test) => !test.proctored);
		unfinished = regularTests.flatMap((test) =>
			world.codeSignal.store.listSessions(test.id).filter((session) => session.status === 'pending'),
		);
	});

	afterAll(async () => {
		await world?.close();
	});

	it('activates every example workflow', async () => {
		const states = await exampleActivation(world.session);

		expect(states).toEqual(Object.values(EXAMPLE_WORKFLOW_IDS).map((id) => ({ id, active: true })));
	});

	it('pushes a finished session to Endorsed: candidate, report, nomination and ranking', async () => {
		const session = unfinished[0];

		const executions = await finishAndAwaitExecution(session);

		expect(world.codeSignal.webhooks.log().map(({ event, status }) => ({ event, status }))).toEqual([
			{ event: FINISHED, status: 200 },
		]);
		expect(executions.map(({ mode, status }) => ({ mode, status }))).toEqual([{ mode: 'webhook', status: 'success' }]);
		const state = await world.endorsedState();
		const job = state.jobs.find((candidateJob) => candidateJob.id === world.job.id);
		const candidate = state.candidates.find((entry) =>
			entry.attachments.some((attachment) => attachment.remote_id === `codesignal-session-${session.id}`),
		);
		expect(job?.criteria.length).toBeGreaterThan(0);
		expect(candidate?.attachments[0].text).toMatch(/^Overall score: \d+\/100$/m);
		expect(state.nominations).toEqual([
			expect.objectContaining({ job_id: world.job.id, candidate_id: candidate?.id }),
		]);
		expect(state.rankings[world.job.id].map((entry) => entry.candidate_id)).toEqual([candidate?.id]);
	});

	it('answers 401 to a wrong signature and runs nothing', async () => {
		const answer = await deliver(unfinished[0], { signature: 'f'.repeat(64) });

		expect(answer.status).toBe(401);
		expect(await liveExecutions()).toBe(1);
	});

	it('answers 403 to a wrong organization and runs nothing', async () => {
		const answer = await deliver(unfinished[0], { headers: { [ORGANIZATION_HEADER]: '9999' } });

		expect(answer.status).toBe(403);
		expect(await liveExecutions()).toBe(1);
	});

	it('answers 200 to the empty ping CodeSignal sends when a webhook is saved, and runs nothing', async () => {
		const answer = await world.codeSignal.webhooks.ping();

		expect(answer.status).toBe(200);
		expect(await liveExecutions()).toBe(1);
	});

	it('runs a delivery that CodeSignal repeats only once', async () => {
		const session = unfinished[1];
		world.codeSignal.store.finishSession(session.id);
		await world.codeSignal.webhooks.idle();
		const [first] = world.codeSignal.webhooks.log().slice(-1);

		const repeat = await deliver(session, { triggeredOn: first.triggeredOn });
		// Once the execution of a later delivery has ended, one the repeat started would be saved too.
		const executions = await finishAndAwaitExecution(unfinished[2]);

		expect([first.status, repeat.status]).toEqual([200, 200]);
		expect(executions).toHaveLength(3);
	});

	it('reminds the recruiter of a candidate still working when 80% of the time limit has passed', async () => {
		const event = 'companyTestSessionStarted';
		const payload = world.codeSignal.webhooks.payloadFor(event);
		const test = world.codeSignal.store.requireTest(payload.testId as string);
		world.pointWebhookAt('reminder');

		// Started so long ago that the reminder is due three seconds after the delivery.
		const answer = await world.codeSignal.webhooks.deliverOnce(event, payload, {
			triggeredOn: Date.now() - test.duration * 0.8 + 3000,
		});
		const execution = await firstEndedExecution(world.session, world.workflows.reminder.id);

		expect(answer.status).toBe(200);
		expect(execution.status).toBe('success');
		expect(execution.output('Finished in Time')).toEqual([]);
		expect(execution.output('Notify Recruiter')).toEqual([
			{
				testSessionId: payload.testSessionId,
				message: expect.stringContaining(`${payload.candidateName} is still working on "${test.title}"`),
			},
		]);
	});

	it('gives the hiring committee the interview feedback without the candidate\'s name', async () => {
		const event = 'liveInterviewFeedbackUpdated';
		const payload = world.codeSignal.webhooks.payloadFor(event);
		world.pointWebhookAt('feedback');

		const answer = await world.codeSignal.webhooks.deliverOnce(event, payload);
		const execution = await firstEndedExecution(world.session, world.workflows.feedback.id);

		const [packet] = execution.output('Share With Committee');
		expect(answer.status).toBe(200);
		expect(execution.status).toBe('success');
		expect(packet.packet).toMatch(/^## Interviewer 1$/m);
		for (const name of String(payload.candidateName).split(' ')) expect(packet.packet).not.toContain(name);
	});

	it('opens a new hiring round: the copy has the added task, the invitations their externalIds, and a result reaches Endorsed', async () => {
		const { store } = world.codeSignal;
		// Last round: a test of the company's own whose finished sessions say which tasks it has.
		const source = store
			.tests()
			.find((test) => !test.proctored && !test.frameworkId && store.listSessions(test.id).some((session) => session.status === 'over'))!;
		const sourceTaskIds = source.slots.map((slot) => slot.task.id);
		const added = store.tasks().find((task) => !sourceTaskIds.includes(task.id))!;
		const title = `${source.title}, next round`;
		const candidates = [
			{ email: 'ada.round@example.com', firstName: 'Ada', lastName: 'Lovelace', externalId: 'ats-1042' },
			{ email: 'grace.round@example.com', firstName: 'Grace', lastName: 'Hopper', externalId: 'ats-1043' },
		];

		const answer = await fetch(world.webhookUrl('hiringRound'), {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ sourceTestId: source.id, title, addTaskId: added.id, candidates }),
		});
		const invitations = (await answer.json()) as Array<{ id: string; externalId: string | null }>;

		expect(answer.status).toBe(200);
		const copy = store.tests().find((test) => test.title === title);
		expect(copy?.id).not.toBe(source.id);
		expect(copy?.slots.map((slot) => slot.task.id)).toEqual([...sourceTaskIds, added.id]);
		expect(copy?.slots.slice(0, -1).map((slot) => slot.maxScore)).toEqual(source.slots.map((slot) => slot.maxScore));
		expect(source.slots.map((slot) => slot.task.id)).toEqual(sourceTaskIds);
		const invited = store.listSessions(copy!.id);
		const byExternalId = <T extends { externalId: string | null }>(entries: readonly T[]) =>
			[...entries].sort((x, y) => String(x.externalId).localeCompare(String(y.externalId)));
		expect(byExternalId(invited).map((session) => ({ email: session.testTaker.email, externalId: session.externalId }))).toEqual(
			candidates.map(({ email, externalId }) => ({ email, externalId })),
		);
		expect(byExternalId(invitations).map(({ id, externalId }) => ({ id, externalId }))).toEqual(
			byExternalId(invited).map(({ id, externalId }) => ({ id, externalId })),
		);

		// Ada finishes: the live workflow (example 01) takes the result of the new test to Endorsed.
		const ada = invited.find((session) => session.externalId === 'ats-1042')!;
		world.pointWebhookAt('live');
		const executions = await finishAndAwaitExecution(ada);

		const latest = executions.reduce((last, execution) => (execution.startedAt > last.startedAt ? execution : last));
		expect(latest.status).toBe('success');
		const state = await world.endorsedState();
		const candidate = state.candidates.find((entry) =>
			entry.attachments.some((attachment) => attachment.remote_id === `codesignal-session-${ada.id}`),
		);
		expect(candidate?.remote_id).toBe('ada.round@example.com');
		expect(candidate?.attachments[0].text).toContain('External ID: ats-1042');
		expect(state.nominations).toContainEqual(expect.objectContaining({ job_id: world.job.id, candidate_id: candidate?.id }));
		expect(state.rankings[world.job.id].map((entry) => entry.candidate_id)).toContain(candidate?.id);
	});

	describe('credential test (POST /rest/credentials/test)', () => {
		const testCredential = (credential: { id: string; name: string; type: string }, data: object) =>
			world.session.rest<{ status: string; message: string }>('POST', '/credentials/test', {
				credentials: { ...credential, data },
			});

		it('passes for the CodeSignal credential with a good key and fails with a bad one', async () => {
			const good = await testCredential(EXAMPLE_CREDENTIALS.codeSignal, world.codeSignalConnection);
			const bad = await testCredential(EXAMPLE_CREDENTIALS.codeSignal, {
				...world.codeSignalConnection,
				apiKey: 'not-a-key',
			});

			expect(good.status).toBe('OK');
			expect(bad.status).toBe('Error');
			expect(bad.message).not.toContain('not-a-key');
		});
	});
});
