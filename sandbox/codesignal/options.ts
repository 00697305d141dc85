/** The sandbox's options and their defaults. */
import { DEFAULT_DATASET, type DatasetOptions } from './dataset';
import type { FaultOptions } from './faults';

export interface RateLimitOptions {
	/** Requests admitted per window and key (default 10). */
	perSecond?: number;
	/** Sliding window length (default 1000 ms). */
	windowMs?: number;
	/** Send `Retry-After: 1` with rate-limit 429s (default true). */
	retryAfterHeader?: boolean;
	/** HTTP 429, or HTTP 200 with a GraphQL error "Rate limit exceeded" (default http429). */
	style?: 'http429' | 'graphqlError';
}

export interface CodeSignalSandboxOptions {
	/** Default 127.0.0.1. */
	host?: string;
	/** Default 0: a free port. */
	port?: number;
	/** API key -> 'all' or the root Query/Mutation fields it may use. Default { 'sandbox-api-key': 'all' }. */
	apiKeys?: Record<string, 'all' | string[]>;
	/** Seeds all generated data (default 1). */
	seed?: number;
	dataset?: Partial<DatasetOptions>;
	rateLimit?: RateLimitOptions;
	/** Default 10000. */
	maxCost?: number;
	/** Default 10. */
	maxDepth?: number;
	/** Largest `first` accepted on list fields, and the page size when `first` is omitted (default 20). */
	maxPageSize?: number;
	faults?: FaultOptions;
	/** Clock for mutations and webhooks (createDate, triggeredOn...). Default Date.now. */
	now?: () => number;
	/** One line per request on stderr (never headers, variables or keys). */
	logRequests?: boolean;
}

export interface SandboxSettings {
	host: string;
	port: number;
	apiKeys: Record<string, 'all' | string[]>;
	seed: number;
	dataset: DatasetOptions;
	rateLimit: Required<RateLimitOptions>;
	maxCost: number;
	maxDepth: number;
	maxPageSize: number;
	faults: FaultOptions | undefined;
	now: () => number;
	logRequests: boolean;
}

const DEFAULT_API_KEY = 'sandbox-api-key';

export function resolveSettings(options: CodeSignalSandboxOptions = {}): SandboxSettings {
	const apiKeys = options.apiKeys ?? { [DEFAULT_API_KEY]: 'all' };
	if (Object.keys(apiKeys).length === 0) throw new Error('apiKeys must hold at least one key');
	return {
		host: options.host ?? '127.0.0.1',
		port: options.port ?? 0,
		apiKeys,
		seed: options.seed ?? 1,
		dataset: { ...DEFAULT_DATASET, ...options.dataset },
		rateLimit: {
			perSecond: options.rateLimit?.perSecond ?? 10,
			windowMs: options.rateLimit?.windowMs ?? 1000,
			retryAfterHeader: options.rateLimit?.retryAfterHeader ?? true,
			style: options.rateLimit?.style ?? 'http429',
		},
		maxCost: options.maxCost ?? 10_000,
		maxDepth: options.maxDepth ?? 10,
		maxPageSize: options.maxPageSize ?? 20,
		faults: options.faults,
		now: options.now ?? Date.now,
		logRequests: options.logRequests ?? false,
	};
}

/** The key `sandbox.apiKey` reports: the first with full access, else the first. */
export function primaryApiKey(apiKeys: Record<string, 'all' | string[]>): string {
	const keys = Object.keys(apiKeys);
	return keys.find((key) => apiKeys[key] === 'all') ?? keys[0];
}
