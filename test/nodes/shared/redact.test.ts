import { redactSecrets } from '../../../nodes/shared/redact';

describe('redactSecrets', () => {
	it('removes known secret values wherever they appear', () => {
		expect(redactSecrets('key abcd1234 was rejected (abcd1234)', ['abcd1234'])).toBe(
			'key [redacted] was rejected ([redacted])',
		);
	});

	it('removes access tokens from result URLs and Bearer tokens', () => {
		expect(
			redactSecrets('see https://app.codesignal.com/test-result/oH3q?accessToken=A7HnBp-iPhk2&x=1 now'),
		).toBe('see https://app.codesignal.com/test-result/oH3q?accessToken=[redacted]&x=1 now');
		expect(redactSecrets('Authorization: Bearer eyJhbGciOi.abc.def')).toBe('Authorization: Bearer [redacted]');
	});

	it('leaves ordinary text and too-short values alone', () => {
		expect(redactSecrets('Company "Acme" not found', ['', undefined, 'a'])).toBe('Company "Acme" not found');
	});
});
