/**
 * The sync state as the trigger keeps it in n8n's static data: plain JSON, tagged with the "since" setting
 * it started from, so that changing that setting starts the sync afresh.
 */
import { DescribedError } from '../../shared/errors';
import type { SyncState } from './engine';

export const SYNC_STATE_VERSION = 1;

export interface StoredSync {
	version: number;
	sinceSetting: string;
	state: SyncState;
}

export const toStoredSync = (state: SyncState, sinceSetting: string): StoredSync => ({
	version: SYNC_STATE_VERSION,
	sinceSetting,
	state,
});

/** A stored state that this version cannot read; the description says how to start afresh. */
export class UnreadableSyncStateError extends DescribedError {}

function isSyncState(value: unknown): value is SyncState {
	const state = value as Partial<SyncState> | undefined;
	return (
		typeof state?.since === 'number' &&
		typeof state.tests === 'object' &&
		state.tests !== null &&
		Array.isArray(state.awaitingVerification)
	);
}

/** The stored state to continue from, or undefined when there is none for this "since" setting. */
export function fromStoredSync(stored: unknown, sinceSetting: string): SyncState | undefined {
	if (stored === undefined || stored === null) return undefined;
	const sync = stored as Partial<StoredSync>;
	if (sync.version !== SYNC_STATE_VERSION || !isSyncState(sync.state)) {
		throw new UnreadableSyncStateError(
			`The saved position of this trigger (format ${String(sync.version)}) cannot be read by this version of the node`,
			'Set "Finished Since" to the time to continue from: the sync then starts afresh from there.',
		);
	}
	return sync.sinceSetting === sinceSetting ? sync.state : undefined;
}
