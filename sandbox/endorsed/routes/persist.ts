import { Collection, parseRef } from '../collection';
import { invalidArgument, notFound } from '../errors';
import { created, ok, type RouteResult } from '../router';
import type { EndorsedStore } from '../store';
import { emptyValues, type FieldSpec, type Fields } from '../validation';

type Stored = { id: string; remote_id?: string | null; created_at: string; updated_at: string };

/**
 * PUT semantics shared by jobs, nomination stages, candidates and attachments: the path names the
 * record to replace; an unknown `remote.<id>` creates it with that remote_id, an unknown UUID is 404.
 * Returns the record (if any) and the body with remote_id defaulted from the record or the path.
 */
export function resolvePut<T extends Stored>(
	collection: Collection<T>,
	ref: string,
	body: Fields,
): { existing?: T; body: Fields } {
	const existing = collection.get(ref);
	const target = parseRef(ref);
	if (!existing && 'id' in target) throw notFound(`no ${collection.kind} with id ${ref}`);
	const pathRemoteId = 'remoteId' in target ? target.remoteId : undefined;
	if (pathRemoteId !== undefined && body.remote_id !== undefined && body.remote_id !== pathRemoteId) {
		throw invalidArgument([`remote_id must equal the remote id in the path (${pathRemoteId})`]);
	}
	return { existing, body: { remote_id: existing?.remote_id ?? pathRemoteId, ...body } };
}

/**
 * Creates the record (201 {id}) or replaces every field the specs describe (200 {id}); fields the
 * request left out become null or []. `fields` may carry values beyond the specs (e.g. an upload's size).
 */
export function saveRecord<T extends Stored>(
	store: EndorsedStore,
	collection: Collection<T>,
	existing: T | undefined,
	specs: FieldSpec[],
	fields: Fields,
): RouteResult {
	const now = store.timestamp();
	if (existing) {
		Object.assign(existing, emptyValues(specs), fields, { updated_at: now });
		return ok({ id: existing.id });
	}
	const record = { id: store.newId(), ...emptyValues(specs), ...fields, created_at: now, updated_at: now };
	collection.insert(record as unknown as T);
	return created(record.id);
}
