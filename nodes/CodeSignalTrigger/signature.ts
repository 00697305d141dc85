/**
 * CodeSignal's webhook signature: `X-CodeSignal-Signature` is the lowercase hex HMAC-SHA256, keyed with the
 * webhook's secret, of the endpoint URL as configured in CodeSignal, the event name and `triggeredOn`, concatenated.
 * The body is not covered, so only those three values are authenticated.
 */
import { createHmac, timingSafeEqual } from 'crypto';

export const SIGNATURE_HEADER = 'x-codesignal-signature';

export type SignatureProblem = 'noSecret' | 'missing' | 'malformed' | 'mismatch';

export type SignatureCheck = { valid: true } | { valid: false; problem: SignatureProblem };

const SHA256_HEX = /^[0-9a-f]{64}$/i;

/** The signature CodeSignal computes for a delivery; `triggeredOn` is used as sent (epoch milliseconds). */
export function codeSignalSignature(
	secret: string,
	endpointUrl: string,
	event: string,
	triggeredOn: number | string,
): string {
	return createHmac('sha256', secret).update(`${endpointUrl}${event}${String(triggeredOn)}`).digest('hex');
}

/**
 * Checks a delivery's signature header in constant time. An empty secret never verifies anything: a signature
 * keyed with nothing proves nothing.
 */
export function verifyCodeSignalSignature(
	secret: string,
	endpointUrl: string,
	event: string,
	triggeredOn: number | string,
	signatureHeader: string | string[] | undefined,
): SignatureCheck {
	if (secret === '') return { valid: false, problem: 'noSecret' };
	const received = Array.isArray(signatureHeader) ? signatureHeader.join(',') : (signatureHeader ?? '');
	const signature = received.trim();
	if (signature === '') return { valid: false, problem: 'missing' };
	if (!SHA256_HEX.test(signature)) return { valid: false, problem: 'malformed' };
	const expected = Buffer.from(codeSignalSignature(secret, endpointUrl, event, triggeredOn), 'hex');
	const matches = timingSafeEqual(expected, Buffer.from(signature, 'hex'));
	return matches ? { valid: true } : { valid: false, problem: 'mismatch' };
}
