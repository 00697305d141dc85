/**
 * Killing a real n8n while the backfill workflow's execution runs: an execution is seen running through
 * n8n's public API (status `running`), and once it has made some progress (requests to Endorsed) n8n is
 * killed with SIGKILL, as a crash would end it. Shared by `npm run torture:backfill` and the e2e suite.
 */
import { setTimeout as sleep } from 'node:timers/promises';

import type { N8nExecutionSummary, N8nInstance, OwnerSession } from '../n8n/instance';

const POLL_MS = 200;

export interface KillDuringExecutionOptions {
	workflowId: string;
	/** Requests Endorsed has answered so far: how far an execution has come. */
	endorsedRequests: () => number;
	/** Requests the running execution must have made to Endorsed before the kill (0: at once). */
	afterRequests: number;
	timeoutMs: number;
}

export interface KillDuringExecution {
	/** The execution that was running when n8n was killed. */
	execution: N8nExecutionSummary;
	/** Requests Endorsed answered between the moment the execution was seen running and the kill. */
	endorsedRequestsInto: number;
}

/** The workflow's executions n8n reports running now. */
export async function runningExecutions(session: OwnerSession, workflowId: string): Promise<N8nExecutionSummary[]> {
	return await session.listExecutions({ workflowId, status: 'running' });
}

/** Waits for an execution of the workflow to run and make progress, then kills n8n with SIGKILL. */
export async function killDuringExecution(
	n8n: N8nInstance,
	session: OwnerSession,
	options: KillDuringExecutionOptions,
): Promise<KillDuringExecution> {
	const deadline = Date.now() + options.timeoutMs;
	let watched: { id: string; requestsAtStart: number } | undefined;
	while (Date.now() < deadline) {
		const [running] = await runningExecutions(session, options.workflowId);
		if (!running) {
			watched = undefined;
		} else {
			if (watched?.id !== running.id) watched = { id: running.id, requestsAtStart: options.endorsedRequests() };
			const into = options.endorsedRequests() - watched.requestsAtStart;
			if (into >= options.afterRequests) {
				await n8n.kill();
				return { execution: running, endorsedRequestsInto: into };
			}
		}
		await sleep(POLL_MS);
	}
	throw new Error(
		`No execution of ${options.workflowId} ran long enough to be killed within ${options.timeoutMs / 1000}s:\n${n8n.logs().slice(-2000)}`,
	);
}

/** Starts n8n again on the same data after a kill and waits until the workflow's trigger is live again. */
export async function restartAfterKill(n8n: N8nInstance, session: OwnerSession, workflowId: string): Promise<void> {
	await n8n.start();
	await session.waitUntilActive(workflowId);
}
