import {
	codeSignalSignature,
	verifyCodeSignalSignature,
} from '../../../nodes/CodeSignalTrigger/signature';
import { DOCUMENTED_SIGNATURE as DOCUMENTED } from '../../fixtures/documentedSignature';

const verify = (overrides: Partial<typeof DOCUMENTED> = {}, header: string | string[] | undefined = DOCUMENTED.signature) => {
	const { secret, url, event, triggeredOn } = { ...DOCUMENTED, ...overrides };
	return verifyCodeSignalSignature(secret, url, event, triggeredOn, header);
};

describe('CodeSignal webhook signature', () => {
	it('computes the documented test vector', () => {
		expect(codeSignalSignature(DOCUMENTED.secret, DOCUMENTED.url, DOCUMENTED.event, DOCUMENTED.triggeredOn)).toBe(
			DOCUMENTED.signature,
		);
	});

	it('accepts the documented signature, with triggeredOn as a number or as the text sent', () => {
		expect(verify()).toEqual({ valid: true });
		expect(verify({ triggeredOn: '1553720789347' as unknown as number })).toEqual({ valid: true });
	});

	it('accepts upper-case hex and surrounding whitespace', () => {
		expect(verify({}, ` ${DOCUMENTED.signature.toUpperCase()} `)).toEqual({ valid: true });
	});

	it.each([
		['event', { event: 'companyTestSessionStarted' }],
		['triggeredOn', { triggeredOn: DOCUMENTED.triggeredOn + 1 }],
		['endpoint URL', { url: 'https://example.com/webhook/' }],
		['secret', { secret: 'mysecret2' }],
	])('rejects a signature when the %s differs', (_field, overrides) => {
		expect(verify(overrides)).toEqual({ valid: false, problem: 'mismatch' });
	});

	it('rejects a signature with one hex digit changed', () => {
		const tampered = `${DOCUMENTED.signature.slice(0, -1)}${DOCUMENTED.signature.endsWith('6') ? '7' : '6'}`;
		expect(verify({}, tampered)).toEqual({ valid: false, problem: 'mismatch' });
	});

	it.each([
		['too short', DOCUMENTED.signature.slice(0, 63)],
		['too long', `${DOCUMENTED.signature}00`],
		['not hex', DOCUMENTED.signature.replace(/^../, 'zz')],
		['base64 of the digest', Buffer.from(DOCUMENTED.signature, 'hex').toString('base64')],
		['prefixed like GitHub', `sha256=${DOCUMENTED.signature}`],
	])('rejects a header that is %s without comparing', (_case, header) => {
		expect(verify({}, header)).toEqual({ valid: false, problem: 'malformed' });
	});

	it('reports a missing header', () => {
		const { secret, url, event, triggeredOn } = DOCUMENTED;
		expect(verifyCodeSignalSignature(secret, url, event, triggeredOn, undefined)).toEqual({ valid: false, problem: 'missing' });
		expect(verify({}, '  ')).toEqual({ valid: false, problem: 'missing' });
	});

	it('rejects a header sent twice', () => {
		expect(verify({}, [DOCUMENTED.signature, DOCUMENTED.signature])).toEqual({ valid: false, problem: 'malformed' });
	});

	it('never verifies with an empty secret, even a signature keyed with the empty secret', () => {
		const keyedWithNothing = codeSignalSignature('', DOCUMENTED.url, DOCUMENTED.event, DOCUMENTED.triggeredOn);
		expect(verify({ secret: '' }, keyedWithNothing)).toEqual({ valid: false, problem: 'noSecret' });
	});
});
