/**
 * Whether a parsed delivery comes from CodeSignal for this organization. CodeSignal retries anything but a 200
 * for about 16 days, so a rejection loses nothing once the set-up is fixed, while accepting a forgery would run
 * a workflow.
 */
import { ORGANIZATION_HEADER, parseOrganizationId } from '../shared/codesignal/organizationId';
import type { Delivery } from './delivery';
import { codeSignalSignature, SIGNATURE_HEADER, verifyCodeSignalSignature, type SignatureProblem } from './signature';

export type RequestHeaders = Record<string, string | string[] | undefined>;

export interface ScreeningRules {
	/** The URL as registered in CodeSignal: the signature covers it. */
	endpointUrl: string;
	/** The webhook secret, or null when the user turned verification off. */
	secret: string | null;
	/** The Endorsed organization id the `x-endorsed-organization-id` header must carry, if any. */
	organizationId?: string;
}

export type Verdict =
	| { verdict: 'reject'; status: 401 | 403; reason: string; problem: SignatureProblem | 'organization' }
	| { verdict: 'accept'; organizationId: string | null };

const SIGNATURE_REASONS: Record<SignatureProblem, string> = {
	noSecret: 'No webhook secret is set to verify the signature with',
	missing: 'The X-CodeSignal-Signature header is missing',
	malformed: 'The X-CodeSignal-Signature header is not a SHA-256 hex digest',
	mismatch: 'The X-CodeSignal-Signature header does not match',
};

const headerText = (value: string | string[] | undefined) => (Array.isArray(value) ? value.join(',') : (value ?? ''));

export function verifyDelivery(delivery: Delivery, headers: RequestHeaders, rules: ScreeningRules): Verdict {
	if (rules.secret !== null) {
		const check = verifyCodeSignalSignature(
			rules.secret,
			rules.endpointUrl,
			delivery.sentEvent,
			delivery.triggeredOn,
			headers[SIGNATURE_HEADER],
		);
		if (!check.valid) {
			return { verdict: 'reject', status: 401, reason: SIGNATURE_REASONS[check.problem], problem: check.problem };
		}
	}

	const sentOrganization = headerText(headers[ORGANIZATION_HEADER]).trim();
	const received = parseOrganizationId(sentOrganization);
	if (rules.organizationId !== undefined) {
		if (sentOrganization === '') {
			const reason = `The ${ORGANIZATION_HEADER} header is missing`;
			return { verdict: 'reject', status: 403, reason, problem: 'organization' };
		}
		if (!received.ok || received.organizationId !== rules.organizationId) {
			const reason = `The ${ORGANIZATION_HEADER} header does not name the organization in the credential`;
			return { verdict: 'reject', status: 403, reason, problem: 'organization' };
		}
	}
	return { verdict: 'accept', organizationId: received.ok ? (received.organizationId ?? null) : null };
}

/** The parts of n8n's (express) request that say which URL the caller used. */
export interface RequestLocation {
	headers: RequestHeaders;
	/** Path and query as received (express keeps it in `originalUrl`). */
	originalUrl?: string;
	url?: string;
	protocol?: string;
}

const firstValue = (value: string | string[] | undefined) => headerText(value).split(',')[0].trim();

/**
 * The URL this request was sent to, as a proxy in front of n8n reports it, when the delivery's signature
 * matches it: then CodeSignal signs for a URL other than the one the trigger computes.
 */
export function matchingRequestUrl(delivery: Delivery, request: RequestLocation, secret: string): string | undefined {
	const path = request.originalUrl ?? request.url;
	if (!path) return undefined;
	const hosts = [firstValue(request.headers['x-forwarded-host']), firstValue(request.headers.host)].filter(Boolean);
	const protocols = [firstValue(request.headers['x-forwarded-proto']), request.protocol ?? '', 'https', 'http'].filter(
		Boolean,
	);
	const signature = headerText(request.headers[SIGNATURE_HEADER]).trim().toLowerCase();
	for (const host of new Set(hosts)) {
		for (const protocol of new Set(protocols)) {
			const url = `${protocol}://${host}${path}`;
			if (codeSignalSignature(secret, url, delivery.sentEvent, delivery.triggeredOn) === signature) return url;
		}
	}
	return undefined;
}
