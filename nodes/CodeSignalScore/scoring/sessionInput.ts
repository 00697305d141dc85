/** Which part of an input item is the session to score. */
import type { SessionItem } from '../../shared/codesignal/sessions';

const isSession = (value: unknown): value is SessionItem =>
	typeof value === 'object' &&
	value !== null &&
	typeof (value as { id?: unknown }).id === 'string' &&
	typeof (value as { status?: unknown }).status === 'string';

/**
 * The session under `session` (CodeSignal Trigger items with "Fetch Full Session From the API" on), else
 * the item itself (CodeSignal node output); null when neither is a session (no string `id` and `status`).
 */
export function sessionToScore(item: Record<string, unknown>): SessionItem | null {
	if (isSession(item.session)) return item.session;
	return isSession(item) ? item : null;
}

/** Why sessionToScore found nothing, in words that point at the fix. */
export function noSessionReason(item: Record<string, unknown>): string {
	if (typeof item.sessionError === 'string' && item.sessionError) {
		return `the CodeSignal Trigger could not read its session (${item.sessionError})`;
	}
	if ('event' in item && !('session' in item)) {
		return 'it is a CodeSignal Trigger item without a session (turn on "Fetch Full Session From the API" in the trigger)';
	}
	return 'it has no "id" and "status" fields, nor a "session" field that has them';
}
