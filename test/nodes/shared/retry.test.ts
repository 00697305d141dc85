import {
	backoffDelayMs,
	DEFAULT_BACKOFF,
	describeNetworkError,
	isRetryableHttpStatus,
	isTransientNetworkError,
	parseRetryAfterMs,
} from '../../../nodes/shared/retry';

describe('backoff', () => {
	it('doubles the delay per retry, keeps half of it fixed and caps it', () => {
		const policy = { ...DEFAULT_BACKOFF, baseDelayMs: 100, maxDelayMs: 1000 };
		expect([1, 2, 3, 4, 5].map((n) => backoffDelayMs(n, policy, () => 0))).toEqual([50, 100, 200, 400, 500]);
		expect([1, 2, 3, 4, 5].map((n) => backoffDelayMs(n, policy, () => 1))).toEqual([100, 200, 400, 800, 1000]);
	});

	it('reads Retry-After as seconds or as an HTTP date', () => {
		const now = Date.parse('2026-11-23T10:00:00Z');
		expect(parseRetryAfterMs('2', now)).toBe(2000);
		expect(parseRetryAfterMs('0.5', now)).toBe(500);
		expect(parseRetryAfterMs('Mon, 23 Nov 2026 10:00:03 GMT', now)).toBe(3000);
		expect(parseRetryAfterMs('Mon, 23 Nov 2026 09:00:00 GMT', now)).toBe(0);
		expect(parseRetryAfterMs('soon', now)).toBeUndefined();
		expect(parseRetryAfterMs(undefined, now)).toBeUndefined();
		expect(parseRetryAfterMs('', now)).toBeUndefined();
	});

	it('retries 429 and 5xx only', () => {
		expect([429, 500, 502, 503, 599].every(isRetryableHttpStatus)).toBe(true);
		expect([400, 401, 403, 404, 409, 422].some(isRetryableHttpStatus)).toBe(false);
	});

	it('recognises network failures through n8n\'s wrapping and names them', () => {
		const wrapped = { message: 'The service refused the connection', cause: { code: 'ECONNREFUSED' } };
		expect(isTransientNetworkError(wrapped)).toBe(true);
		expect(describeNetworkError(wrapped)).toBe('the connection was refused');
		const timeout = { message: 'x', cause: { code: 'ECONNABORTED', message: 'timeout of 150ms exceeded' } };
		expect(describeNetworkError(timeout)).toBe('the request timed out');
		expect(describeNetworkError({ cause: { code: 'ENOTFOUND' } })).toBe('the host name could not be resolved');
		expect(isTransientNetworkError({ code: 'ENOTFOUND' })).toBe(false);
		expect(isTransientNetworkError(new Error('Cannot read properties of undefined'))).toBe(false);
	});
});
