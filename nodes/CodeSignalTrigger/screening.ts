/**
 * What a trigger answers to a request before anything runs. CodeSignal retries anything but a 200 for about
 * 16 days, so a rejection loses nothing once the set-up is fixed, while accepting a forgery would run a workflow.
 */
import { ORGANIZATION_HEADER, parseOrganizationId } from '../shared/codesignal/organizationId';
import { MAX_BODY_BYTES, parseDeliveryBody, type Delivery } from './delivery';
import { SIGNATURE_HEADER, verifyCodeSignalSignature, type SignatureProblem } from './signature';

export type RequestHeaders = Record<string, string | string[] | undefined>;

export interface ScreeningRules {
	/** The URL as registered in CodeSignal: the signature covers it. */
	endpointUrl: string;
	/** The webhook secret, or null when the user turned verification off. */
	secret: string | null;
	/** The Endorsed organization id the `x-endorsed-organization-id` header must carry, if any. */
	organizationId?: string;
}

export type RejectionStatus = 400 | 401 | 403 | 413;

export type Screening =
	| { verdict: 'reject'; status: RejectionStatus; reason: string }
	| { verdict: 'ping' }
	| { verdict: 'accept'; delivery: Delivery; organizationId: string | null };

const SIGNATURE_REASONS: Record<SignatureProblem, string> = {
	noSecret: 'No webhook secret is set to verify the signature with',
	missing: 'The X-CodeSignal-Signature header is missing',
	malformed: 'The X-CodeSignal-Signature header is not a SHA-256 hex digest',
	mismatch: 'The X-CodeSignal-Signature header does not match',
};

const headerText = (value: string | string[] | undefined) => (Array.isArray(value) ? value.join(',') : (value ?? ''));

export function bodyTooLarge(byteLength: number): boolean {
	return byteLength > MAX_BODY_BYTES;
}

export function screenDelivery(body: Buffer, headers: RequestHeaders, rules: ScreeningRules): Screening {
	if (bodyTooLarge(body.length)) {
		return { verdict: 'reject', status: 413, reason: `The body is larger than ${MAX_BODY_BYTES} bytes` };
	}
	const parsed = parseDeliveryBody(body.toString('utf8'));
	// The ping names no event, so there is nothing to verify and nothing to run.
	if (parsed.kind === 'ping') return { verdict: 'ping' };
	if (parsed.kind === 'malformed') return { verdict: 'reject', status: 400, reason: parsed.reason };
	const { delivery } = parsed;

	if (rules.secret !== null) {
		const check = verifyCodeSignalSignature(
			rules.secret,
			rules.endpointUrl,
			delivery.sentEvent,
			delivery.triggeredOn,
			headers[SIGNATURE_HEADER],
		);
		if (!check.valid) return { verdict: 'reject', status: 401, reason: SIGNATURE_REASONS[check.problem] };
	}

	const sentOrganization = headerText(headers[ORGANIZATION_HEADER]).trim();
	const received = parseOrganizationId(sentOrganization);
	if (rules.organizationId !== undefined) {
		if (sentOrganization === '') {
			return { verdict: 'reject', status: 403, reason: `The ${ORGANIZATION_HEADER} header is missing` };
		}
		if (!received.ok || received.organizationId !== rules.organizationId) {
			return {
				verdict: 'reject',
				status: 403,
				reason: `The ${ORGANIZATION_HEADER} header does not name the organization in the credential`,
			};
		}
	}
	return {
		verdict: 'accept',
		delivery,
		organizationId: received.ok ? (received.organizationId ?? null) : null,
	};
}
