/**
 * How the executions a Results Trigger started ended, as n8n reports them to this process (the poll hands its
 * items over with a promise n8n settles when the execution is over). The next poll reads these to know which
 * sessions in flight are done (sync/inFlight.ts). Kept in the process: a process that stops takes its reports
 * with it, which is exactly when its sessions in flight must be handed over again.
 */
import { randomUUID } from 'crypto';
import type { IRun } from 'n8n-workflow';

import type { ExecutionEnd } from './sync/inFlight';

/** This process's run of n8n: sessions in flight from another run were handed over by a process that is gone. */
export const PROCESS_RUN = randomUUID();

/** Per trigger (workflow and node): session id → how its execution ended. */
const reports = new Map<string, Map<string, ExecutionEnd>>();

/** Success, a wait n8n keeps in its database, or a cancel by a person: the sessions need nothing more. */
const DONE_STATUSES = new Set(['success', 'waiting', 'canceled']);

export function endOf(run: IRun | undefined): ExecutionEnd {
	return run !== undefined && DONE_STATUSES.has(run.status) ? 'done' : 'failed';
}

export function followExecution(trigger: string, sessionIds: string[], done: Promise<IRun | undefined>): void {
	const record = (end: ExecutionEnd) => {
		const ended = reports.get(trigger) ?? new Map<string, ExecutionEnd>();
		for (const id of sessionIds) ended.set(id, end);
		reports.set(trigger, ended);
	};
	done.then(
		(run) => record(endOf(run)),
		() => record('failed'),
	);
}

/** The executions reported ended so far (the reports stay until `forgetEnded`, once the poll is saved). */
export function endedSoFar(trigger: string): ReadonlyMap<string, ExecutionEnd> {
	return new Map(reports.get(trigger) ?? []);
}

export function forgetEnded(trigger: string, sessionIds: Iterable<string>): void {
	const ended = reports.get(trigger);
	if (!ended) return;
	for (const id of sessionIds) ended.delete(id);
	if (ended.size === 0) reports.delete(trigger);
}
