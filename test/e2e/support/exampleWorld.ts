/**
 * The example world (scripts/start/exampleWorld.ts) with the package that global-setup.ts packed for this run,
 * and what the suites ask of the n8n in it.
 */
import { setTimeout as sleep } from 'node:timers/promises';

import type { OwnerSession } from '../../../scripts/n8n/instance';
import {
	ExampleWorld,
	ExampleWorldOptions,
	startExampleWorld as startWorld,
} from '../../../scripts/start/exampleWorld';
import { EXAMPLE_WORKFLOW_IDS } from '../../../scripts/start/examples';
import { packageTarball } from './package';

export type { EndorsedState, ExampleWorld, ExampleWorldOptions } from '../../../scripts/start/exampleWorld';

export function startExampleWorld(options: Omit<ExampleWorldOptions, 'packageTarball'>): Promise<ExampleWorld> {
	return startWorld({ ...options, packageTarball: packageTarball() });
}

/** Whether each example workflow is active, as n8n's public API says, by id. */
export async function exampleActivation(session: OwnerSession): Promise<Array<{ id: string; active: boolean }>> {
	const states = [];
	for (const id of Object.values(EXAMPLE_WORKFLOW_IDS)) {
		const { active } = await session.publicApi<{ active: boolean }>('GET', `/workflows/${id}`);
		states.push({ id, active });
	}
	return states;
}

/** An execution with its data, as the public API returns it with `includeData=true`. */
interface ExecutionWithData {
	status: string;
	data: { resultData: { runData: Record<string, NodeRun[]> } };
}

interface NodeRun {
	data?: { main: Array<Array<{ json: Record<string, unknown> }>> };
}

/** Waits until the workflow's first execution has ended; returns what each node output (first run, first output). */
export async function firstEndedExecution(
	session: OwnerSession,
	workflowId: string,
	timeoutMs = 60_000,
): Promise<{ status: string; output(nodeName: string): Array<Record<string, unknown>> }> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const [execution] = (await session.listExecutions({ workflowId })).slice(-1);
		if (execution?.stoppedAt) {
			const { status, data } = await session.publicApi<ExecutionWithData>(
				'GET',
				`/executions/${execution.id}?includeData=true`,
			);
			return {
				status,
				output: (nodeName) => (data.resultData.runData[nodeName]?.[0].data?.main[0] ?? []).map((item) => item.json),
			};
		}
		if (Date.now() > deadline) throw new Error(`No execution of ${workflowId} ended within ${timeoutMs / 1000}s`);
		await sleep(250);
	}
}
