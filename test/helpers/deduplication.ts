/**
 * n8n's database-backed de-duplication (this.helpers.checkProcessedAndRecord) for nodes run in n8n-core's
 * contexts: the same rules as n8n's DeduplicationHelper in "entries" mode (one list of hashes per workflow and
 * node, the oldest dropped beyond maxEntries), kept in memory. Every n8n process of a deployment shares
 * n8n's database, so every context in a test process shares this store.
 *
 * Like n8n's (2.40.7), a call reads the list, waits for the database, and writes the whole list back, with no
 * lock in between: two calls at once each write a list without the other's entries, and one's are lost.
 */
import { createHash } from 'crypto';
import { DataDeduplicationService } from 'n8n-core';
import type {
	DeduplicationItemTypes,
	DeduplicationScope,
	ICheckProcessedContextData,
	ICheckProcessedOptions,
	IDataDeduplicator,
	IDeduplicationOutput,
} from 'n8n-workflow';

/** Between n8n's read of the row and its write: other calls run meanwhile. */
const databaseRoundTrip = () => new Promise<void>((resolve) => setImmediate(resolve));

const hash = (item: DeduplicationItemTypes) => createHash('md5').update(String(item)).digest('base64');

class InMemoryDeduplicator implements IDataDeduplicator {
	readonly lists = new Map<string, string[]>();

	private key(scope: DeduplicationScope, context: ICheckProcessedContextData) {
		return `${context.workflow.id}:${scope === 'node' ? `n:${context.node?.id}` : ''}`;
	}

	async checkProcessedAndRecord(
		items: DeduplicationItemTypes[],
		scope: DeduplicationScope,
		context: ICheckProcessedContextData,
		options: ICheckProcessedOptions,
	): Promise<IDeduplicationOutput> {
		if (options.mode !== 'entries') throw new Error('Only "entries" mode is kept here');
		const list = [...(this.lists.get(this.key(scope, context)) ?? [])];
		await databaseRoundTrip();
		const known = new Set(list);
		const outcome: IDeduplicationOutput = { new: [], processed: [] };
		for (const item of items) {
			if (known.has(hash(item))) outcome.processed.push(item);
			else {
				outcome.new.push(item);
				list.push(hash(item));
				known.add(hash(item));
			}
		}
		if (options.maxEntries) list.splice(0, Math.max(0, list.length - options.maxEntries));
		this.lists.set(this.key(scope, context), list);
		return outcome;
	}

	async removeProcessed(
		items: DeduplicationItemTypes[],
		scope: DeduplicationScope,
		context: ICheckProcessedContextData,
	): Promise<void> {
		const list = [...(this.lists.get(this.key(scope, context)) ?? [])];
		await databaseRoundTrip();
		const removed = new Set(items.map(hash));
		this.lists.set(
			this.key(scope, context),
			list.filter((entry) => !removed.has(entry)),
		);
	}

	async clearAllProcessedItems(scope: DeduplicationScope, context: ICheckProcessedContextData): Promise<void> {
		this.lists.delete(this.key(scope, context));
	}

	async getProcessedDataCount(scope: DeduplicationScope, context: ICheckProcessedContextData): Promise<number> {
		return this.lists.get(this.key(scope, context))?.length ?? 0;
	}
}

let store: InMemoryDeduplicator | undefined;

/** The store behind every context of this test file, set up with n8n-core the first time it is asked for. */
export async function processedDataStore(): Promise<InMemoryDeduplicator> {
	if (!store) {
		store = new InMemoryDeduplicator();
		await DataDeduplicationService.init(store);
	}
	return store;
}
