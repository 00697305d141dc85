import { conflict, notFound } from './errors';

const REMOTE_PREFIX = 'remote.';

/** A path's record reference: an Endorsed UUID, or `remote.<your id>`. */
export function parseRef(ref: string): { id: string } | { remoteId: string } {
	return ref.startsWith(REMOTE_PREFIX) ? { remoteId: ref.slice(REMOTE_PREFIX.length) } : { id: ref };
}

/** One kind of record, addressable by id or by remote id. */
export class Collection<T extends { id: string; remote_id?: string | null }> {
	private readonly records = new Map<string, T>();

	constructor(readonly kind: string) {}

	get size(): number {
		return this.records.size;
	}

	all(): T[] {
		return [...this.records.values()];
	}

	filter(predicate: (record: T) => boolean): T[] {
		return this.all().filter(predicate);
	}

	/** By Endorsed id only. */
	byId(id: string): T | undefined {
		return this.records.get(id);
	}

	/** By id or remote.<id>. */
	get(ref: string): T | undefined {
		const parsed = parseRef(ref);
		if ('id' in parsed) return this.records.get(parsed.id);
		return this.all().find((record) => record.remote_id === parsed.remoteId);
	}

	/** A path's record: by id or remote.<id>. */
	require(ref: string): T {
		const record = this.get(ref);
		if (!record) throw notFound(`no ${this.kind} with id ${ref}`);
		return record;
	}

	/** A record a body field points at: Endorsed documents these as UUIDs, so remote.<id> is not looked up. */
	requireReference(id: string, field: string): T {
		const record = this.byId(id);
		if (!record) throw notFound(`${field}: no ${this.kind} with id ${id}`);
		return record;
	}

	assertRemoteIdFree(remoteId: string, exceptId?: string): void {
		const holder = this.all().find((record) => record.remote_id === remoteId && record.id !== exceptId);
		if (holder) throw conflict(`a ${this.kind} with remote_id ${remoteId} already exists (id ${holder.id})`);
	}

	insert(record: T): T {
		this.records.set(record.id, record);
		return record;
	}

	delete(id: string): void {
		this.records.delete(id);
	}
}
