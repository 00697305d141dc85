/** Seeded randomness: every generated value in the sandbox comes from here, so a seed reproduces a run. */

/** mulberry32: a tiny 32-bit PRNG, good enough for test data and much faster than crypto. */
export function mulberry32(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Meteor's id alphabet (no look-alike characters), as in CodeSignal's 17-character ids. */
const ID_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTWXYZabcdefghijkmnopqrstuvwxyz';
const TOKEN_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-';

interface WeightTable {
	keys: string[];
	cumulative: number[];
}

/** Weight objects are module constants; their tables are built once (this runs per generated session). */
const weightTables = new WeakMap<object, WeightTable>();

function weightTable(weights: Readonly<Record<string, number>>): WeightTable {
	let table = weightTables.get(weights);
	if (!table) {
		let total = 0;
		table = {
			keys: Object.keys(weights),
			cumulative: Object.values(weights).map((weight) => (total += weight)),
		};
		weightTables.set(weights, table);
	}
	return table;
}

export class Random {
	private readonly next: () => number;

	constructor(seed: number) {
		this.next = mulberry32(seed);
	}

	/** A float in [0, 1). */
	float(): number {
		return this.next();
	}

	/** An integer in [min, max], both included. */
	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}

	chance(probability: number): boolean {
		return this.next() < probability;
	}

	pick<T>(items: readonly T[]): T {
		return items[Math.floor(this.next() * items.length)];
	}

	/** Picks a key with probability proportional to its weight. */
	weighted<T extends string>(weights: Readonly<Record<T, number>>): T {
		const { keys, cumulative } = weightTable(weights);
		const roll = this.next() * cumulative[cumulative.length - 1];
		const index = cumulative.findIndex((bound) => roll < bound);
		return keys[index === -1 ? keys.length - 1 : index] as T;
	}

	/** A 32-bit seed for an independent stream (lazy details stay stable whatever is read first). */
	seed(): number {
		return Math.floor(this.next() * 4294967296);
	}

	id(length = 17): string {
		return this.string(ID_ALPHABET, length);
	}

	token(length = 42): string {
		return this.string(TOKEN_ALPHABET, length);
	}

	digits(length: number): string {
		return String(this.int(1, 9)) + this.string('0123456789', length - 1);
	}

	private string(alphabet: string, length: number): string {
		let result = '';
		for (let i = 0; i < length; i++) result += alphabet[Math.floor(this.next() * alphabet.length)];
		return result;
	}
}
