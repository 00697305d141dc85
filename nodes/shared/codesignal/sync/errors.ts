/** A read that failed during a sync, with where it happened; `cause` is the transport's error. */
export class SyncReadError extends Error {
	constructor(
		readonly where: string,
		readonly cause: unknown,
	) {
		super(cause instanceof Error ? cause.message : String(cause));
		this.name = 'SyncReadError';
	}
}

/** Runs one read, naming where it was if it fails. */
export async function reading<T>(where: string, read: () => Promise<T>): Promise<T> {
	try {
		return await read();
	} catch (error) {
		throw error instanceof SyncReadError ? error : new SyncReadError(where, error);
	}
}
