/**
 * Sessions handed to an execution whose end is not known yet. n8n saves the trigger's position when it hands
 * the items over; if n8n dies while that execution runs, the execution is lost with its items. So the trigger
 * keeps each emitted session "in flight" until n8n reports its execution ended, and hands it over again when:
 * - the process that emitted it is gone (n8n restarted before the execution was known to end);
 * - its execution failed (a retry, up to a number of attempts);
 * - no end was reported within a lease (the execution was lost some other way).
 * Every effect downstream is idempotent (Push Assessment writes nothing for an unchanged assessment), so a
 * session handed over twice costs an execution, never a second record.
 */

export interface InFlightSession {
	id: string;
	testId: string;
	/** When it was handed to an execution (epoch ms). */
	emittedAt: number;
	/** Which n8n process run handed it over (see processRun in the node). */
	run: string;
	/** How many times it has been handed over. */
	attempts: number;
}

/** How an execution that was handed sessions ended, as far as the trigger cares. */
export type ExecutionEnd = 'done' | 'failed';

export interface InFlightPolicy {
	/** An execution not reported ended within this time is taken for lost. */
	leaseMs: number;
	/** Hand-overs of one session at most; then it is let go (and logged). */
	maxAttempts: number;
}

export const DEFAULT_IN_FLIGHT_POLICY: InFlightPolicy = { leaseMs: 60 * 60_000, maxAttempts: 5 };

export interface Reconciled {
	/** Still in flight: leave them. */
	keep: InFlightSession[];
	/** To hand over again. */
	retry: InFlightSession[];
	/** Handed over `maxAttempts` times without an execution that ended well. */
	givenUp: InFlightSession[];
}

/** What becomes of the sessions in flight, given the executions reported ended since the last poll. */
export function reconcile(
	inFlight: InFlightSession[],
	ended: ReadonlyMap<string, ExecutionEnd>,
	run: string,
	now: number,
	policy: InFlightPolicy = DEFAULT_IN_FLIGHT_POLICY,
): Reconciled {
	const outcome: Reconciled = { keep: [], retry: [], givenUp: [] };
	for (const session of inFlight) {
		const end = ended.get(session.id);
		if (end === 'done') continue;
		const lost = session.run !== run || now - session.emittedAt >= policy.leaseMs;
		if (end === undefined && !lost) outcome.keep.push(session);
		else if (session.attempts >= policy.maxAttempts) outcome.givenUp.push(session);
		else outcome.retry.push(session);
	}
	return outcome;
}

/** The sessions just handed over, in flight from now; a session handed over again keeps its count. */
export function handedOver(
	sessions: Array<{ id: string; testId: string }>,
	run: string,
	now: number,
	previous: InFlightSession[] = [],
): InFlightSession[] {
	const attempts = new Map(previous.map((session) => [session.id, session.attempts]));
	return sessions.map(({ id, testId }) => ({ id, testId, emittedAt: now, run, attempts: (attempts.get(id) ?? 0) + 1 }));
}
