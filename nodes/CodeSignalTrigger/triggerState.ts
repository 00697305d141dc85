/**
 * What one CodeSignal Trigger keeps in this n8n process, in one place: the credential fields it screens with
 * (reused for a few seconds) and its memory of recent deliveries. Dropped when the workflow is deactivated.
 *
 * The memory is a cheap first filter: a repeat that reaches this process is answered without starting an
 * execution. Repeats that reach another process (queue mode) or come after a restart are caught in the
 * execution by n8n's database-backed de-duplication (see confirmDelivery.ts).
 */

/** The credential fields that screen deliveries; the API key is not needed to screen and is not kept. */
export interface ScreeningCredential {
	webhookSecret?: unknown;
	organizationId?: unknown;
}

export interface MemoryLimits {
	/** Deliveries remembered at most; 0 turns the memory off. */
	maxEntries: number;
	/** Deliveries older than this are forgotten. */
	maxAgeMs: number;
}

/** What the memory says of a delivery: new, the same delivery again, or its signature with another body. */
export type Recollection = 'new' | 'repeat' | 'otherPayload';

/**
 * How long a trigger reuses the credential it read. In n8n 2.x every credential read in webhook() prepares a
 * fresh expression isolate (about 25 ms of CPU, more than everything else a delivery costs), so a burst of
 * deliveries reads it once. A delivery refused with a reused credential is checked again with a fresh read, so
 * a corrected credential takes effect at once; a replaced secret stops verifying within this time.
 */
export const CREDENTIAL_REUSE_MS = 10_000;

export class TriggerState {
	private credential?: { credentialId: string; fields: ScreeningCredential; readAt: number };

	/** Signature key → payload hash and when it was first received; oldest first (a Map keeps insertion order). */
	private readonly deliveries = new Map<string, { payloadHash: string; receivedAt: number }>();

	/** The signed URLs already reported as differing from the trigger's own (see receiveDelivery). */
	private readonly reportedUrls = new Set<string>();

	/** The last call to n8n's de-duplication store queued by oneStoreCallAtATime. */
	private storeCalls: Promise<unknown> = Promise.resolve();

	/** The credential as read within CREDENTIAL_REUSE_MS, when the node still uses that credential. */
	recentCredential(credentialId: string | undefined, now: number): ScreeningCredential | undefined {
		const kept = this.credential;
		if (!kept || credentialId === undefined || kept.credentialId !== credentialId) return undefined;
		// A clock that went back counts as expired too: nothing is reused longer than intended by accident.
		if (now - kept.readAt >= CREDENTIAL_REUSE_MS || now < kept.readAt) return undefined;
		return kept.fields;
	}

	rememberCredential(credentialId: string | undefined, fields: ScreeningCredential, now: number): void {
		this.credential = credentialId === undefined ? undefined : { credentialId, fields, readAt: now };
	}

	/**
	 * What the memory knows of a delivery (by what its signature covers, and its payload), recording it when
	 * new; forgets expired deliveries and the oldest beyond the limit.
	 */
	recall(signatureKey: string, payloadHash: string, now: number, limits: MemoryLimits): Recollection {
		if (limits.maxEntries <= 0) return 'new';
		const known = this.deliveries.get(signatureKey);
		if (known && now - known.receivedAt < limits.maxAgeMs) {
			return known.payloadHash === payloadHash ? 'repeat' : 'otherPayload';
		}
		this.deliveries.delete(signatureKey);
		this.deliveries.set(signatureKey, { payloadHash, receivedAt: now });
		for (const [key, { receivedAt }] of this.deliveries) {
			if (this.deliveries.size <= limits.maxEntries && now - receivedAt < limits.maxAgeMs) break;
			this.deliveries.delete(key);
		}
		return 'new';
	}

	/** Whether `url` is reported for the first time as the URL CodeSignal signs for instead of the trigger's. */
	firstUrlMismatch(url: string): boolean {
		if (this.reportedUrls.has(url)) return false;
		this.reportedUrls.add(url);
		return true;
	}

	/**
	 * Runs `call` once every earlier call queued here has settled. n8n's de-duplication store reads the trigger's
	 * whole list of delivery ids, adds to it and writes it back with no lock: two executions of this process
	 * recording at once would each write a list without the other's id, and a later repeat of the lost one would
	 * run again. (Processes still race each other: see the README on repeats across processes.)
	 */
	oneStoreCallAtATime<T>(call: () => Promise<T>): Promise<T> {
		const result = this.storeCalls.then(call);
		this.storeCalls = result.catch(() => undefined);
		return result;
	}

	/** Forgets a delivery, so that CodeSignal's retry of it is not taken for a repeat. */
	forget(signatureKey: string): void {
		this.deliveries.delete(signatureKey);
	}
}

/** Every trigger's state in this process, by mode, workflow and node (test calls keep a memory of their own). */
const states = new Map<string, TriggerState>();

const triggerKey = (workflowId: string, nodeId: string) => `${workflowId}:${nodeId}`;

export function triggerStateOf(mode: string, workflowId: string, nodeId: string): TriggerState {
	const key = `${mode}:${triggerKey(workflowId, nodeId)}`;
	let state = states.get(key);
	if (!state) {
		state = new TriggerState();
		states.set(key, state);
	}
	return state;
}

/** Drops what the trigger kept, in every mode: its workflow was deactivated (or the test listener stopped). */
export function dropTriggerState(workflowId: string, nodeId: string): void {
	const suffix = `:${triggerKey(workflowId, nodeId)}`;
	for (const key of states.keys()) if (key.endsWith(suffix)) states.delete(key);
}
