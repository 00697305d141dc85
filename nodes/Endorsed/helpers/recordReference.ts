/**
 * How Endorsed records are addressed: by their UUID, or by your own id as `remote.<id>` in the path.
 * Body fields that point at records (`candidate_id`, `job_id`, …) take UUIDs only.
 */

export type ReferenceMode = 'id' | 'remoteId';

export interface RecordReference {
	mode: ReferenceMode;
	value: string;
}

export const UUID_PATTERN = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';

export function isUuid(value: string): boolean {
	return new RegExp(UUID_PATTERN).test(value);
}

/** The path segment for a record: its UUID, or `remote.<id>`, URL-encoded. */
export function referenceSegment(reference: RecordReference): string {
	const value = reference.value.trim();
	return encodeURIComponent(reference.mode === 'remoteId' ? `remote.${value}` : value);
}

/** "remote ID ats-42" or "ID 9b2f…", for messages. */
export function describeReference(reference: RecordReference): string {
	return `${reference.mode === 'remoteId' ? 'remote ID' : 'ID'} "${reference.value.trim()}"`;
}
