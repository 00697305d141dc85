/**
 * Endorsed access tokens (OAuth2 client credentials): what to ask for, how to read the answer and when
 * to renew. No n8n types: the credential's preAuthentication and the Endorsed node's transport both use it,
 * so it depends on nothing of the nodes.
 */
import { DateTime } from 'luxon';

export const DEFAULT_BASE_URL = 'https://endorsed.ai/api/v1';

/** Renew at most this long before Endorsed's `expires_in` runs out: requests take time, clocks drift. */
const MAX_RENEWAL_MARGIN_MS = 5 * 60_000;
/** Short-lived tokens are renewed once nine tenths of their life has passed. */
const RENEWAL_MARGIN_SHARE = 0.1;

export interface EndorsedClientCredentials {
	clientId?: unknown;
	clientSecret?: unknown;
	scopes?: unknown;
	baseUrl?: unknown;
}

/** What preAuthentication stores in the credential: the token and when to stop using it. */
export interface CachedToken {
	accessToken: string;
	/** ISO-8601 (UTC): shortly before the token expires. */
	accessTokenRenewAt: string;
}

/** What a failed connection said: its code and message, never the request (whose form holds the secret). */
export interface NetworkCause {
	code?: unknown;
	message?: unknown;
}

/** A failed token request; `retryable` when Endorsed was unavailable rather than refusing. */
export class EndorsedTokenError extends Error {
	constructor(
		message: string,
		readonly retryable: boolean,
		/** Set when Endorsed could not be reached at all. */
		readonly network?: NetworkCause,
	) {
		super(message);
		this.name = 'EndorsedTokenError';
	}
}

export function endorsedBaseUrl(credentials: EndorsedClientCredentials): string {
	const configured = typeof credentials.baseUrl === 'string' ? credentials.baseUrl.trim() : '';
	return (configured || DEFAULT_BASE_URL).replace(/\/+$/, '');
}

/** The form Endorsed's POST /auth/tokens expects; `scope` is left out when no scope is chosen. */
export function tokenRequestForm(credentials: EndorsedClientCredentials): URLSearchParams {
	const form = new URLSearchParams({
		grant_type: 'client_credentials',
		client_id: String(credentials.clientId ?? '').trim(),
		client_secret: String(credentials.clientSecret ?? ''),
	});
	const scopes = Array.isArray(credentials.scopes) ? credentials.scopes.map(String) : [];
	if (scopes.length) form.set('scope', scopes.join(' '));
	return form;
}

/** Endorsed sends `expires_in` as a string of seconds; undefined when it is not a positive number. */
export function parseExpiresIn(value: unknown): number | undefined {
	const seconds = typeof value === 'string' || typeof value === 'number' ? Number(value) : NaN;
	return Number.isFinite(seconds) && seconds > 0 ? seconds : undefined;
}

/** When a token issued at `issuedAtMs`, living `lifetimeSeconds`, should be replaced. */
export function renewalTime(issuedAtMs: number, lifetimeSeconds: number): string {
	const lifetimeMs = lifetimeSeconds * 1000;
	const margin = Math.min(MAX_RENEWAL_MARGIN_MS, lifetimeMs * RENEWAL_MARGIN_SHARE);
	return DateTime.fromMillis(issuedAtMs + lifetimeMs - margin, { zone: 'utc' }).toISO() as string;
}

/**
 * Whether the cached token should be renewed before the next request. A token without a readable
 * renewal time (stored by hand, or by an older version) is kept: a 401 still renews it.
 */
export function isRenewalDue(renewAt: unknown, nowMs: number): boolean {
	if (typeof renewAt !== 'string' || renewAt === '') return false;
	const time = DateTime.fromISO(renewAt);
	return time.isValid && nowMs >= time.toMillis();
}

/** Reads the answer of POST /auth/tokens; throws an EndorsedTokenError that never carries the secret. */
export function readTokenAnswer(
	status: number,
	body: unknown,
	credentials: EndorsedClientCredentials,
	issuedAtMs: number,
): CachedToken {
	const secret = String(credentials.clientSecret ?? '');
	const scrub = (text: string) => (secret.length >= 4 ? text.split(secret).join('[redacted]') : text);
	const refusal = (body as { is_error?: unknown } | null)?.is_error === true ? endorsedSaid(body) : undefined;
	if (status < 200 || status >= 300 || refusal !== undefined) {
		const said = refusal ? `: ${refusal}` : '';
		throw new EndorsedTokenError(scrub(`${tokenRefusal(status)} (HTTP ${status})${said}`), isRetryable(status));
	}
	const answer = (body ?? {}) as { access_token?: unknown; expires_in?: unknown };
	if (typeof answer.access_token !== 'string' || answer.access_token === '') {
		throw new EndorsedTokenError('Endorsed answered the token request without an access_token', false);
	}
	const lifetime = parseExpiresIn(answer.expires_in);
	if (lifetime === undefined) {
		throw new EndorsedTokenError(
			`Endorsed answered the token request with an unreadable expires_in (${scrub(String(answer.expires_in))})`,
			false,
		);
	}
	return { accessToken: answer.access_token, accessTokenRenewAt: renewalTime(issuedAtMs, lifetime) };
}

/** "UNAUTHENTICATED: bad secret" from Endorsed's error envelope `{is_error, error: {code, issues: [{message}]}}`. */
function endorsedSaid(body: unknown): string {
	const error = (body as { error?: { code?: unknown; issues?: unknown } }).error ?? {};
	const code = typeof error.code === 'string' && error.code ? error.code : 'UNKNOWN_ERROR';
	const issues = Array.isArray(error.issues) ? error.issues : [];
	const messages = issues.map((issue: { message?: unknown } | null) => issue?.message).filter((m) => typeof m === 'string' && m);
	return messages.length ? `${code}: ${messages.join('; ')}` : code;
}

function tokenRefusal(status: number): string {
	if (status === 401) return 'Endorsed refused the client ID or client secret';
	if (status === 403) return 'Endorsed did not grant the requested scopes to this client';
	if (isRetryable(status)) return 'Endorsed could not issue an access token right now';
	return 'Endorsed refused the token request';
}

function isRetryable(status: number): boolean {
	return status === 429 || status >= 500;
}
