/**
 * Endorsed's answers: `{is_error: false, result}` / `{is_error: false, results}` on success and
 * `{is_error: true, error: {code, issues: [{message}]}}` on failure.
 */

export interface EndorsedErrorBody {
	/** UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT, INVALID_ARGUMENT, INTERNAL_SERVER_ERROR, … */
	code: string;
	messages: string[];
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The error of an error envelope; undefined for anything else. */
export function readEnvelopeError(body: unknown): EndorsedErrorBody | undefined {
	if (!isObject(body) || body.is_error !== true) return undefined;
	const error = isObject(body.error) ? body.error : {};
	const issues = Array.isArray(error.issues) ? error.issues : [];
	const messages = issues
		.map((issue) => (isObject(issue) && typeof issue.message === 'string' ? issue.message.trim() : ''))
		.filter((message) => message !== '');
	return { code: typeof error.code === 'string' && error.code ? error.code : 'UNKNOWN_ERROR', messages };
}

/** "CONFLICT: a candidate with remote_id x already exists" */
export function describeEndorsedError(error: EndorsedErrorBody): string {
	return error.messages.length ? `${error.code}: ${error.messages.join('; ')}` : error.code;
}

/** What a user can do about an Endorsed error code. */
export function adviceFor(code: string, status: number): string {
	switch (code) {
		case 'UNAUTHENTICATED':
			return 'Check the client ID and client secret in the Endorsed API credential.';
		case 'FORBIDDEN':
			return 'Give the Endorsed API credential the all:write scope (writes need it), or ask Endorsed to grant it to the client.';
		case 'NOT_FOUND':
			return 'Check the ID or remote ID: Endorsed has no such record for this client.';
		case 'CONFLICT':
			return 'A record with the same remote ID, prompt or link already exists in Endorsed.';
		case 'INVALID_ARGUMENT':
			return 'Endorsed did not accept a field of the request; the messages above name it.';
		default:
			return status === 429 || status >= 500
				? 'Endorsed was unavailable; the request was retried. Try again later.'
				: 'Check the base URL in the Endorsed API credential.';
	}
}
