import { MAX_BODY_BYTES } from '../../../nodes/CodeSignalTrigger/delivery';
import { screenDelivery, type ScreeningRules } from '../../../nodes/CodeSignalTrigger/screening';
import { codeSignalSignature } from '../../../nodes/CodeSignalTrigger/signature';

const rules: ScreeningRules = {
	endpointUrl: 'https://n8n.example.com/webhook/abc/webhook',
	secret: 'whsec-4f1c',
	organizationId: '12345',
};
const envelope = { event: 'companyTestSessionStarted', triggeredOn: 1553720789347, payload: { testSessionId: 's1' } };
const signature = codeSignalSignature(rules.secret!, rules.endpointUrl, envelope.event, envelope.triggeredOn);
const signedHeaders = { 'x-codesignal-signature': signature, 'x-endorsed-organization-id': '12345' };

type Headers = Record<string, string | string[] | undefined>;

function screen(body: unknown, headers: Headers = signedHeaders, overrides: Partial<ScreeningRules> = {}) {
	const bytes = Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
	return screenDelivery(bytes, headers, { ...rules, ...overrides });
}

const NOT_OURS = 'The x-endorsed-organization-id header does not name the organization in the credential';

describe('screenDelivery', () => {
	it('accepts a signed delivery with the right organization header', () => {
		expect(screen(envelope)).toMatchObject({
			verdict: 'accept',
			organizationId: '12345',
			delivery: { event: envelope.event, triggeredOn: '1553720789347', payload: envelope.payload },
		});
	});

	it('answers the ping without asking for a signature', () => {
		expect(screen('', {})).toEqual({ verdict: 'ping' });
	});

	it('rejects a body over 1 MiB with 413 before reading it', () => {
		const padding = 'x'.repeat(MAX_BODY_BYTES);
		expect(screen({ ...envelope, payload: { padding } })).toMatchObject({ verdict: 'reject', status: 413 });
	});

	it('accepts a body of exactly 1 MiB', () => {
		const text = JSON.stringify({ ...envelope, payload: { testSessionId: 's1', padding: '' } });
		const padded = text.replace('"padding":""', `"padding":"${'x'.repeat(MAX_BODY_BYTES - text.length)}"`);
		expect(Buffer.byteLength(padded)).toBe(MAX_BODY_BYTES);
		expect(screen(padded).verdict).toBe('accept');
	});

	it('rejects malformed bodies with 400, before the signature', () => {
		expect(screen('not json', {})).toEqual({ verdict: 'reject', status: 400, reason: 'The body is not JSON' });
	});

	it.each([
		['missing', { 'x-endorsed-organization-id': '12345' }, 'The X-CodeSignal-Signature header is missing'],
		['wrong', { ...signedHeaders, 'x-codesignal-signature': 'ab'.repeat(32) }, 'The X-CodeSignal-Signature header does not match'],
		['malformed', { ...signedHeaders, 'x-codesignal-signature': 'nope' }, 'The X-CodeSignal-Signature header is not a SHA-256 hex digest'],
	])('rejects a %s signature with 401', (_case, headers, reason) => {
		expect(screen(envelope, headers)).toEqual({ verdict: 'reject', status: 401, reason });
	});

	it('checks the signature over the endpoint URL it is given', () => {
		expect(screen(envelope, signedHeaders, { endpointUrl: 'https://proxy.example.com/hook' })).toMatchObject({ status: 401 });
	});

	it('checks no signature when verification is off (secret null)', () => {
		expect(screen(envelope, { 'x-endorsed-organization-id': '12345' }, { secret: null }).verdict).toBe('accept');
	});

	it.each([
		['missing', { 'x-codesignal-signature': signature }, 'The x-endorsed-organization-id header is missing'],
		['another organization', { ...signedHeaders, 'x-endorsed-organization-id': '54321' }, NOT_OURS],
		['not a number', { ...signedHeaders, 'x-endorsed-organization-id': 'acme' }, NOT_OURS],
	])('rejects an organization header that is %s with 403', (_case, headers, reason) => {
		expect(screen(envelope, headers)).toEqual({ verdict: 'reject', status: 403, reason });
	});

	it('compares organization ids as numbers (leading zeros and spaces do not matter)', () => {
		expect(screen(envelope, { ...signedHeaders, 'x-endorsed-organization-id': ' 012345 ' }).verdict).toBe('accept');
	});

	it('checks the signature before the organization header', () => {
		expect(screen(envelope, { 'x-endorsed-organization-id': '1' })).toMatchObject({ status: 401 });
	});

	it('does not require the header without an organization id in the credential, and reports the one sent', () => {
		const noOrganization = { organizationId: undefined };
		expect(screen(envelope, { 'x-codesignal-signature': signature }, noOrganization)).toMatchObject({
			verdict: 'accept',
			organizationId: null,
		});
		expect(screen(envelope, { ...signedHeaders, 'x-endorsed-organization-id': '777' }, noOrganization)).toMatchObject({
			verdict: 'accept',
			organizationId: '777',
		});
	});

	it('verifies a merge sent as certificationRequestRejected over the name as sent', () => {
		const merge = { event: 'certificationRequestRejected', triggeredOn: 5, payload: { deletedRequestId: 'a', mergedRequestId: 'b' } };
		const signed = { ...signedHeaders, 'x-codesignal-signature': codeSignalSignature(rules.secret!, rules.endpointUrl, merge.event, 5) };
		expect(screen(merge, signed)).toMatchObject({
			verdict: 'accept',
			delivery: { sentEvent: 'certificationRequestRejected', event: 'certificationRequestsMerged' },
		});
	});
});
