/** Counters a test reads to check how a client behaved against the sandbox. */

export interface SandboxStats {
	/** HTTP requests to the API (everything but /__sandbox/ control calls). */
	requests: number;
	/** Requests that got past auth, faults and the rate limit to GraphQL parsing and execution. */
	graphqlRequests: number;
	/** API responses by HTTP status (dropped connections are not answered, so not counted). */
	byStatus: Record<number, number>;
	/** 429s (or rate-limit GraphQL errors) caused by the real rate limit. */
	rateLimited: number;
	/** Requests answered by an injected fault (429, 5xx, slow, dropped). */
	injectedFaults: number;
	/** The most requests seen in any sliding window for one key, admitted or not. */
	maxRequestsInWindow: number;
	/**
	 * The same per key, named by its last 4 characters (`…abcd`): what CodeSignal counts against each key,
	 * whichever clients or processes sent the requests.
	 */
	busiestWindowByKey: Record<string, number>;
	/** Executed root fields by name. */
	operations: Record<string, number>;
	/** The largest `first` argument seen. */
	maxFirstSeen: number;
}

export class StatsRecorder {
	private stats = StatsRecorder.empty();

	private static empty(): SandboxStats {
		return {
			requests: 0,
			graphqlRequests: 0,
			byStatus: {},
			rateLimited: 0,
			injectedFaults: 0,
			maxRequestsInWindow: 0,
			busiestWindowByKey: {},
			operations: {},
			maxFirstSeen: 0,
		};
	}

	request(): void {
		this.stats.requests++;
	}

	graphqlRequest(): void {
		this.stats.graphqlRequests++;
	}

	status(status: number): void {
		this.stats.byStatus[status] = (this.stats.byStatus[status] ?? 0) + 1;
	}

	rateLimited(): void {
		this.stats.rateLimited++;
	}

	injectedFault(): void {
		this.stats.injectedFaults++;
	}

	operation(name: string): void {
		this.stats.operations[name] = (this.stats.operations[name] ?? 0) + 1;
	}

	pageSize(first: number): void {
		this.stats.maxFirstSeen = Math.max(this.stats.maxFirstSeen, first);
	}

	snapshot(maxRequestsInWindow: number, busiestWindowByKey: Record<string, number>): SandboxStats {
		return {
			...this.stats,
			byStatus: { ...this.stats.byStatus },
			operations: { ...this.stats.operations },
			maxRequestsInWindow,
			busiestWindowByKey,
		};
	}

	reset(): void {
		this.stats = StatsRecorder.empty();
	}
}
