/** Which part of an input item is the session to score. */
import type { SessionItem } from '../../shared/codesignal/sessions';

const isSession = (value: unknown): value is SessionItem =>
	typeof value === 'object' &&
	value !== null &&
	typeof (value as { id?: unknown }).id === 'string' &&
	typeof (value as { status?: unknown }).status === 'string';

/**
 * The session under `session` (CodeSignal Trigger items that read their session), else the item itself
 * (CodeSignal node and Results Trigger output); null when neither is a session (no string `id` and `status`).
 */
export function sessionToScore(item: Record<string, unknown>): SessionItem | null {
	if (isSession(item.session)) return item.session;
	return isSession(item) ? item : null;
}

/** Why sessionToScore found nothing, in words that point at the fix. */
export function noSessionReason(item: Record<string, unknown>): string {
	if ('event' in item && !('session' in item)) {
		return 'it is a CodeSignal Trigger item without a session (turn on "Read Session From the API" in the trigger; "Fetch Full Session From the API" in its versions 1 and 2)';
	}
	return 'it has no "id" and "status" fields, nor a "session" field that has them';
}

/**
 * Why a CodeSignal Trigger item is passed on unscored: its API read found no session to score (a replayed
 * signature naming an unknown session). The trigger flagged it, and Push Assessment leaves it alone.
 */
export function flaggedWithoutSession(item: Record<string, unknown>): string | null {
	const check = item.apiCheck as { matchesEvent?: unknown; problem?: unknown } | undefined;
	if (check?.matchesEvent !== false || item.session !== null) return null;
	return typeof check.problem === 'string' ? check.problem : 'The CodeSignal Trigger flagged this delivery';
}
