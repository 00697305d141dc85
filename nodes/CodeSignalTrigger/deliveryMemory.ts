/**
 * A trigger's memory of the deliveries it already ran for (delivery id → when it was first received, epoch ms),
 * bounded by count and age.
 *
 * It lives in the n8n process, where checking and recording a delivery costs the same whether it remembers ten
 * deliveries or ten thousand, and is mirrored into the workflow's static data (a plain object, updated in
 * place) so that it can outlive a restart wherever n8n saves that. It only catches repeats that reach the same
 * n8n: concurrent deliveries or several webhook processes can still both run. Downstream steps keyed on
 * `deliveryId` are the last line of defence.
 */

export type StoredDeliveries = Record<string, number>;

export interface MemoryLimits {
	/** Deliveries remembered at most; 0 turns de-duplication off. */
	maxEntries: number;
	/** Deliveries older than this are forgotten. */
	maxAgeMs: number;
}

const isFresh = (receivedAt: number | undefined, now: number, limits: MemoryLimits) =>
	receivedAt !== undefined && now - receivedAt < limits.maxAgeMs;

const isRecord = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** When static data says the delivery was received, if it holds a timestamp for it. */
function storedTime(stored: unknown, deliveryId: string): number | undefined {
	if (!isRecord(stored) || !Object.prototype.hasOwnProperty.call(stored, deliveryId)) return undefined;
	const receivedAt = stored[deliveryId];
	return typeof receivedAt === 'number' && Number.isFinite(receivedAt) ? receivedAt : undefined;
}

/** Whether static data remembers the delivery and it has not expired. */
export function isStoredDelivery(stored: unknown, deliveryId: string, now: number, limits: MemoryLimits): boolean {
	return isFresh(storedTime(stored, deliveryId), now, limits);
}

export class DeliveryMemory {
	/** Oldest first: a Map keeps insertion order, and a delivery is (re)inserted when it is recorded. */
	private readonly receivedAt = new Map<string, number>();

	/** Deliveries recorded since static data last got the whole memory (see recordAndStore). */
	private recordedSinceFullCopy = 0;

	/** The memory static data holds, oldest first; entries that are not timestamps are dropped. */
	static fromStored(stored: unknown): DeliveryMemory {
		const memory = new DeliveryMemory();
		if (!isRecord(stored)) return memory;
		const entries = Object.entries(stored).filter((entry): entry is [string, number] => Number.isFinite(entry[1]));
		// A stable sort keeps the stored order among equal times.
		for (const [id, receivedAt] of entries.sort(([, a], [, b]) => a - b)) memory.receivedAt.set(id, receivedAt);
		return memory;
	}

	has(deliveryId: string, now: number, limits: MemoryLimits): boolean {
		return isFresh(this.receivedAt.get(deliveryId), now, limits);
	}

	/**
	 * Remembers the delivery as received now, then forgets expired deliveries and the oldest beyond the limit;
	 * returns the ids it forgot.
	 */
	record(deliveryId: string, now: number, limits: MemoryLimits): string[] {
		this.receivedAt.delete(deliveryId);
		this.receivedAt.set(deliveryId, now);
		const forgotten: string[] = [];
		for (const [id, receivedAt] of this.receivedAt) {
			if (this.receivedAt.size <= limits.maxEntries && isFresh(receivedAt, now, limits)) break;
			this.receivedAt.delete(id);
			forgotten.push(id);
		}
		return forgotten;
	}

	/**
	 * Records the delivery, and returns what static data is to hold: its object changed in place (the delivery
	 * added, what the memory forgot removed), so that a delivery costs the same however much is remembered; and
	 * once every `maxEntries` deliveries the whole memory instead, which also drops what this process never put
	 * there (another webhook process's deliveries), so that nothing piles up in static data.
	 */
	recordAndStore(deliveryId: string, now: number, limits: MemoryLimits, stored: unknown): StoredDeliveries {
		const forgotten = this.record(deliveryId, now, limits);
		this.recordedSinceFullCopy++;
		if (!isRecord(stored) || this.recordedSinceFullCopy >= limits.maxEntries) {
			this.recordedSinceFullCopy = 0;
			return this.toStored();
		}
		stored[deliveryId] = now;
		for (const id of forgotten) delete stored[id];
		return stored as StoredDeliveries;
	}

	/** The memory as static data keeps it, oldest first. */
	toStored(): StoredDeliveries {
		// Built key by key into a prototype-less object: Object.fromEntries over ever-changing keys is about ten
		// times slower.
		const stored: StoredDeliveries = Object.create(null);
		for (const [id, receivedAt] of this.receivedAt) stored[id] = receivedAt;
		return stored;
	}
}
