/**
 * The one retry policy of the package's transports (CodeSignal GraphQL, Endorsed REST): which failures are
 * worth another attempt, how long to wait before it, and the loop that does it. No n8n types.
 */
import { sleep as n8nSleep } from 'n8n-workflow';

export interface BackoffPolicy {
	/** Delay before the first retry, before jitter. */
	baseDelayMs: number;
	/** No computed delay exceeds this (Retry-After may ask for longer, up to maxRetryAfterMs). */
	maxDelayMs: number;
	/** A server asking for a longer wait than this is not worth waiting for inside one execution. */
	maxRetryAfterMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = {
	baseDelayMs: 500,
	maxDelayMs: 20_000,
	maxRetryAfterMs: 60_000,
};

/**
 * Exponential back-off with "equal jitter": half of the exponential step is kept so that retries never
 * bunch up at zero, the other half is random so that concurrent callers spread out.
 * `retryNumber` is 1 for the first retry.
 */
export function backoffDelayMs(retryNumber: number, policy: BackoffPolicy, random: () => number = Math.random) {
	const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retryNumber - 1));
	return Math.round(exponential / 2 + (random() * exponential) / 2);
}

/**
 * Reads an HTTP Retry-After header: either delta-seconds or an HTTP date.
 * Returns undefined when the header is absent or unreadable, so the caller falls back to back-off.
 */
export function parseRetryAfterMs(header: string | null | undefined, now: number): number | undefined {
	if (header === null || header === undefined) return undefined;
	const value = header.trim();
	if (value === '') return undefined;
	if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
	const date = Date.parse(value);
	if (Number.isNaN(date)) return undefined;
	return Math.max(0, date - now);
}

/** 429 and 5xx are worth another attempt; other 4xx answers will not change by asking again. */
export function isRetryableHttpStatus(status: number) {
	return status === 429 || (status >= 500 && status <= 599);
}

/** Connection-level failures (no HTTP answer at all) that a retry can cure. */
const TRANSIENT_NETWORK_CODES = new Set([
	'ECONNRESET',
	'ECONNREFUSED',
	'ECONNABORTED',
	'ETIMEDOUT',
	'ESOCKETTIMEDOUT',
	'EPIPE',
	'EAI_AGAIN',
	'ENETUNREACH',
	'EHOSTUNREACH',
	'UND_ERR_SOCKET',
	'UND_ERR_CONNECT_TIMEOUT',
	'ERR_SOCKET_CONNECTION_TIMEOUT',
]);

/** The error and its causes: n8n wraps axios errors (which carry the code) in a NodeApiError. */
function* errorChain(error: unknown): Generator<{ code?: unknown; message?: unknown }> {
	let current = error;
	for (let depth = 0; current && typeof current === 'object' && depth < 5; depth++) {
		yield current as { code?: unknown; message?: unknown };
		current = (current as { cause?: unknown }).cause;
	}
}

function networkErrorCode(error: unknown): string | undefined {
	for (const link of errorChain(error)) if (typeof link.code === 'string') return link.code;
	return undefined;
}

function hasTimeoutMessage(error: unknown) {
	for (const link of errorChain(error)) {
		if (typeof link.message === 'string' && /timeout of \d+ms exceeded|timed? ?out/i.test(link.message)) return true;
	}
	return false;
}

export function isTransientNetworkError(error: unknown): boolean {
	const code = networkErrorCode(error);
	if (code !== undefined && TRANSIENT_NETWORK_CODES.has(code)) return true;
	for (const link of errorChain(error)) {
		if (typeof link.message === 'string' && /socket hang up|network error/i.test(link.message)) return true;
	}
	return hasTimeoutMessage(error);
}

/** Why the endpoint could not be reached, in words a user can act on. */
export function describeNetworkError(error: unknown): string {
	const code = networkErrorCode(error);
	if (hasTimeoutMessage(error)) return 'the request timed out';
	switch (code) {
		case 'ECONNREFUSED':
			return 'the connection was refused';
		case 'ENOTFOUND':
		case 'EAI_AGAIN':
			return 'the host name could not be resolved';
		case 'ETIMEDOUT':
		case 'ESOCKETTIMEDOUT':
		case 'ECONNABORTED':
		case 'UND_ERR_CONNECT_TIMEOUT':
			return 'the request timed out';
		case 'ECONNRESET':
		case 'EPIPE':
		case 'UND_ERR_SOCKET':
			return 'the connection was closed before an answer arrived';
		default:
			return code !== undefined ? `network error ${code}` : 'a network error occurred';
	}
}

/** The package's one way to wait: n8n's timer helper, behind a name the tests can count waits through. */
export const sleep = async (ms: number) => await n8nSleep(ms);

/** One attempt's outcome: the value, or a failure and whether (and after how long at least) to try again. */
export type Attempt<T, F> =
	| { ok: true; value: T }
	| { ok: false; failure: F; retryable: boolean; retryAfterMs?: number; minDelayMs?: number };

export interface RetryOptions<F> {
	maxAttempts: number;
	policy?: Partial<BackoffPolicy>;
	/** Epoch ms: no retry is started that would begin after it. */
	deadline?: number;
	/** Called before each wait, to log it. */
	onRetry?: (failure: F, attemptNumber: number, delayMs: number) => void;
	now?: () => number;
	wait?: (ms: number) => Promise<void>;
	/** The error to throw when no attempt is left; RetriesExhausted by default. */
	exhausted?: (failure: F, attempts: number) => Error;
}

/** Thrown by `withRetries` with the last failure and how many attempts were made. */
export class RetriesExhausted<F> extends Error {
	constructor(
		readonly failure: F,
		readonly attempts: number,
	) {
		super(`Gave up after ${attempts} attempts`);
		this.name = 'RetriesExhausted';
	}
}

/**
 * Runs `attempt` until it succeeds, its failure is not retryable, the attempts are used up, the server asks
 * for a longer wait than the policy allows, or the next try would start after the deadline.
 */
export async function withRetries<T, F>(
	attempt: (attemptNumber: number) => Promise<Attempt<T, F>>,
	options: RetryOptions<F>,
): Promise<T> {
	const policy = { ...DEFAULT_BACKOFF, ...options.policy };
	const now = options.now ?? Date.now;
	for (let attemptNumber = 1; ; attemptNumber++) {
		const outcome = await attempt(attemptNumber);
		if (outcome.ok) return outcome.value;
		const { failure, retryAfterMs } = outcome;
		const delay = Math.max(backoffDelayMs(attemptNumber, policy), retryAfterMs ?? 0, outcome.minDelayMs ?? 0);
		const giveUp =
			!outcome.retryable ||
			attemptNumber >= options.maxAttempts ||
			(retryAfterMs ?? 0) > policy.maxRetryAfterMs ||
			(options.deadline !== undefined && now() + delay > options.deadline);
		if (giveUp) throw options.exhausted?.(failure, attemptNumber) ?? new RetriesExhausted(failure, attemptNumber);
		options.onRetry?.(failure, attemptNumber, delay);
		await (options.wait ?? sleep)(delay);
	}
}
