/**
 * A bounded memory of the deliveries a trigger already ran for, kept as a plain object (delivery id → when it
 * was first received, epoch ms) so that it can live in n8n's workflow static data.
 *
 * It only catches duplicates that reach the same n8n: static data is saved after each delivery, and concurrent
 * deliveries or several webhook processes can still both run. Downstream steps keyed on `deliveryId` are the
 * last line of defence.
 */

export type DeliveryMemory = Record<string, number>;

export interface MemoryLimits {
	/** Deliveries remembered at most; 0 turns de-duplication off. */
	maxEntries: number;
	/** Deliveries older than this are forgotten. */
	maxAgeMs: number;
}

export interface Recollection {
	duplicate: boolean;
	/** The memory to store: expired and surplus entries dropped, this delivery added when it is new. */
	memory: DeliveryMemory;
}

/** Whatever static data holds, as a memory: entries that are not timestamps are dropped. */
function readMemory(stored: unknown): Array<[string, number]> {
	if (typeof stored !== 'object' || stored === null) return [];
	return Object.entries(stored).filter((entry): entry is [string, number] => Number.isFinite(entry[1]));
}

export function recallDelivery(stored: unknown, deliveryId: string, now: number, limits: MemoryLimits): Recollection {
	if (limits.maxEntries <= 0) return { duplicate: false, memory: {} };
	const live = readMemory(stored).filter(([, receivedAt]) => now - receivedAt < limits.maxAgeMs);
	const duplicate = live.some(([id]) => id === deliveryId);
	if (!duplicate) live.push([deliveryId, now]);
	// Oldest first (a stable sort keeps arrival order among equal times), so the surplus is cut from the front.
	const kept = live.sort(([, a], [, b]) => a - b).slice(-limits.maxEntries);
	// Built key by key into a prototype-less object: Object.fromEntries over ever-changing keys cost about 4 ms
	// per delivery (measured by bench:webhook), more than everything else the trigger does.
	const memory: DeliveryMemory = Object.create(null);
	for (const [id, receivedAt] of kept) memory[id] = receivedAt;
	return { duplicate, memory };
}
