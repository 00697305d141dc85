/** Values kept for a fixed time after they were stored; an expired value is never handed out. */
export class ExpiringCache<T> {
	private readonly entries = new Map<string, { value: T; storedAt: number }>();

	constructor(private readonly ttlMs: number) {}

	get(key: string, now: number): T | undefined {
		const entry = this.entries.get(key);
		if (entry === undefined) return undefined;
		// A clock that went back counts as expired too: nothing is kept longer than the TTL by accident.
		if (now - entry.storedAt >= this.ttlMs || now < entry.storedAt) {
			this.entries.delete(key);
			return undefined;
		}
		return entry.value;
	}

	set(key: string, value: T, now: number): void {
		this.entries.set(key, { value, storedAt: now });
	}
}
