export interface EndorsedStats {
	requests: number;
	/** Keyed by method and route pattern, e.g. 'POST /auth/tokens', 'GET /jobs/{id}'. */
	byRoute: Record<string, number>;
	/** Keyed by HTTP status; 0 counts connections dropped by an injected fault. */
	byStatus: Record<number, number>;
	tokensIssued: number;
}

export const TOKEN_ROUTE = 'POST /auth/tokens';

/** Counts API requests (not /__sandbox control calls). */
export class RequestStats {
	private stats = RequestStats.empty();

	private static empty(): EndorsedStats {
		return { requests: 0, byRoute: {}, byStatus: {}, tokensIssued: 0 };
	}

	recordRequest(routeKey: string): void {
		this.stats.requests++;
		this.stats.byRoute[routeKey] = (this.stats.byRoute[routeKey] ?? 0) + 1;
	}

	recordStatus(routeKey: string, status: number): void {
		this.stats.byStatus[status] = (this.stats.byStatus[status] ?? 0) + 1;
		if (routeKey === TOKEN_ROUTE && status === 200) this.stats.tokensIssued++;
	}

	snapshot(): EndorsedStats {
		return structuredClone(this.stats);
	}

	reset(): void {
		this.stats = RequestStats.empty();
	}
}
