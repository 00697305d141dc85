import { MAX_BODY_BYTES, parseDeliveryBody, type Delivery } from '../../../nodes/CodeSignalTrigger/delivery';
import { readRequestBody } from '../../../nodes/CodeSignalTrigger/requestBody';
import { matchingRequestUrl, verifyDelivery, type ScreeningRules } from '../../../nodes/CodeSignalTrigger/screening';
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

function parsed(body: unknown): Delivery {
	const result = parseDeliveryBody(typeof body === 'string' ? body : JSON.stringify(body));
	if (result.kind !== 'delivery') throw new Error(`Not a delivery: ${JSON.stringify(result)}`);
	return result.delivery;
}

/** What the trigger decides for a request: read the body, parse it once, verify it. */
async function screen(body: unknown, headers: Headers = signedHeaders, overrides: Partial<ScreeningRules> = {}) {
	const rawBody = Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
	const read = await readRequestBody({ headers: {}, rawBody });
	if (!read.ok) return { verdict: 'reject', status: read.status, reason: read.reason };
	const result = parseDeliveryBody(read.body.toString('utf8'));
	if (result.kind === 'ping') return { verdict: 'ping' };
	if (result.kind === 'malformed') return { verdict: 'reject', status: 400, reason: result.reason };
	return { ...verifyDelivery(result.delivery, headers, { ...rules, ...overrides }), delivery: result.delivery };
}

const NOT_OURS = 'The x-endorsed-organization-id header does not name the organization in the credential';

describe('screening a delivery', () => {
	it('accepts a signed delivery with the right organization header', async () => {
		expect(await screen(envelope)).toMatchObject({
			verdict: 'accept',
			organizationId: '12345',
			delivery: { event: envelope.event, triggeredOn: '1553720789347', payload: envelope.payload },
		});
	});

	it('answers the ping without asking for a signature', async () => {
		expect(await screen('', {})).toEqual({ verdict: 'ping' });
	});

	it('rejects a body over 1 MiB with 413 before parsing it', async () => {
		const padding = 'x'.repeat(MAX_BODY_BYTES);
		expect(await screen({ ...envelope, payload: { padding } })).toMatchObject({ verdict: 'reject', status: 413 });
	});

	it('accepts a body of exactly 1 MiB', async () => {
		const text = JSON.stringify({ ...envelope, payload: { testSessionId: 's1', padding: '' } });
		const padded = text.replace('"padding":""', `"padding":"${'x'.repeat(MAX_BODY_BYTES - text.length)}"`);
		expect(Buffer.byteLength(padded)).toBe(MAX_BODY_BYTES);
		expect((await screen(padded)).verdict).toBe('accept');
	});

	it('rejects malformed bodies with 400, before the signature', async () => {
		expect(await screen('not json', {})).toEqual({ verdict: 'reject', status: 400, reason: 'The body is not JSON' });
	});

	it.each([
		['missing', { 'x-endorsed-organization-id': '12345' }, 'The X-CodeSignal-Signature header is missing'],
		['wrong', { ...signedHeaders, 'x-codesignal-signature': 'ab'.repeat(32) }, 'The X-CodeSignal-Signature header does not match'],
		['malformed', { ...signedHeaders, 'x-codesignal-signature': 'nope' }, 'The X-CodeSignal-Signature header is not a SHA-256 hex digest'],
	])('rejects a %s signature with 401', async (_case, headers, reason) => {
		expect(await screen(envelope, headers)).toMatchObject({ verdict: 'reject', status: 401, reason });
	});

	it('checks the signature over the endpoint URL it is given', async () => {
		expect(await screen(envelope, signedHeaders, { endpointUrl: 'https://proxy.example.com/hook' })).toMatchObject({
			status: 401,
			problem: 'mismatch',
		});
	});

	it('checks no signature when verification is off (secret null)', async () => {
		expect((await screen(envelope, { 'x-endorsed-organization-id': '12345' }, { secret: null })).verdict).toBe('accept');
	});

	it.each([
		['missing', { 'x-codesignal-signature': signature }, 'The x-endorsed-organization-id header is missing'],
		['another organization', { ...signedHeaders, 'x-endorsed-organization-id': '54321' }, NOT_OURS],
		['not a number', { ...signedHeaders, 'x-endorsed-organization-id': 'acme' }, NOT_OURS],
	])('rejects an organization header that is %s with 403', async (_case, headers, reason) => {
		expect(await screen(envelope, headers)).toMatchObject({ verdict: 'reject', status: 403, reason });
	});

	it('compares organization ids as numbers (leading zeros and spaces do not matter)', async () => {
		expect((await screen(envelope, { ...signedHeaders, 'x-endorsed-organization-id': ' 012345 ' })).verdict).toBe('accept');
	});

	it('checks the signature before the organization header', async () => {
		expect(await screen(envelope, { 'x-endorsed-organization-id': '1' })).toMatchObject({ status: 401 });
	});

	it('does not require the header without an organization id in the credential, and reports the one sent', async () => {
		const noOrganization = { organizationId: undefined };
		expect(await screen(envelope, { 'x-codesignal-signature': signature }, noOrganization)).toMatchObject({
			verdict: 'accept',
			organizationId: null,
		});
		expect(await screen(envelope, { ...signedHeaders, 'x-endorsed-organization-id': '777' }, noOrganization)).toMatchObject({
			verdict: 'accept',
			organizationId: '777',
		});
	});

	it('verifies a merge sent as certificationRequestRejected over the name as sent', async () => {
		const merge = { event: 'certificationRequestRejected', triggeredOn: 5, payload: { deletedRequestId: 'a', mergedRequestId: 'b' } };
		const signed = { ...signedHeaders, 'x-codesignal-signature': codeSignalSignature(rules.secret!, rules.endpointUrl, merge.event, 5) };
		expect(await screen(merge, signed)).toMatchObject({
			verdict: 'accept',
			delivery: { sentEvent: 'certificationRequestRejected', event: 'certificationRequestsMerged' },
		});
	});
});

describe('the URL a signature was made for', () => {
	const delivery = parsed(envelope);
	const publicUrl = 'https://hooks.example.com/webhook/abc/webhook';
	const signedForPublic = codeSignalSignature(rules.secret!, publicUrl, envelope.event, envelope.triggeredOn);

	it('is the URL a proxy says the request was sent to, when the signature matches it', () => {
		const request = {
			headers: { host: 'n8n:5678', 'x-forwarded-host': 'hooks.example.com', 'x-forwarded-proto': 'https', 'x-codesignal-signature': signedForPublic },
			originalUrl: '/webhook/abc/webhook',
		};
		expect(verifyDelivery(delivery, request.headers, rules)).toMatchObject({ status: 401, problem: 'mismatch' });
		expect(matchingRequestUrl(delivery, request, rules.secret!)).toBe(publicUrl);
	});

	it('is found from the Host header alone, trying https then http', () => {
		const request = { headers: { host: 'hooks.example.com', 'x-codesignal-signature': signedForPublic }, url: '/webhook/abc/webhook' };
		expect(matchingRequestUrl(delivery, request, rules.secret!)).toBe(publicUrl);
	});

	it('is unknown when the signature matches no URL of the request (a wrong secret, or a forgery)', () => {
		const request = { headers: { host: 'hooks.example.com', 'x-codesignal-signature': 'ab'.repeat(32) }, url: '/webhook/abc/webhook' };
		expect(matchingRequestUrl(delivery, request, rules.secret!)).toBeUndefined();
		expect(matchingRequestUrl(delivery, { headers: { host: 'hooks.example.com' } }, rules.secret!)).toBeUndefined();
	});
});
