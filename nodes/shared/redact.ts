/**
 * Keeps secrets out of anything a user or a log can see: error messages, descriptions, node output.
 */

const REDACTED = '[redacted]';

/** Query parameters that carry credentials (CodeSignal result links carry `accessToken`). */
const SECRET_QUERY_PARAMS = /([?&](?:access_?token|token|api_?key|key|secret|signature|client_secret)=)[^&#\s"']+/gi;

const BEARER = /(Bearer\s+)[A-Za-z0-9._~+/=-]+/g;

/** Replaces every known secret value and every credential-looking fragment in a text. */
export function redactSecrets(text: string, secrets: Array<string | undefined | null> = []): string {
	let result = text;
	for (const secret of secrets) {
		// Very short values would blank out ordinary words; credentials are never that short.
		if (typeof secret === 'string' && secret.length >= 4) result = result.split(secret).join(REDACTED);
	}
	return result.replace(SECRET_QUERY_PARAMS, `$1${REDACTED}`).replace(BEARER, `$1${REDACTED}`);
}
