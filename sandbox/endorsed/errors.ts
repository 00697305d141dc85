/**
 * Endorsed's error envelope: {is_error: true, error: {code, issues: [{message}]}}.
 * Handlers throw ApiError; the server turns it into the envelope.
 */

export type ErrorCode =
	| 'INVALID_ARGUMENT'
	| 'UNAUTHENTICATED'
	| 'FORBIDDEN'
	| 'NOT_FOUND'
	| 'METHOD_NOT_ALLOWED'
	| 'CONFLICT'
	| 'UNSUPPORTED_MEDIA_TYPE'
	| 'PAYLOAD_TOO_LARGE'
	| 'TOO_MANY_REQUESTS'
	| 'INTERNAL_SERVER_ERROR';

export class ApiError extends Error {
	constructor(
		readonly status: number,
		readonly code: ErrorCode,
		readonly issues: string[],
	) {
		super(`${code}: ${issues.join('; ')}`);
	}
}

export const invalidArgument = (issues: string[]) => new ApiError(400, 'INVALID_ARGUMENT', issues);
export const unauthenticated = (message: string) => new ApiError(401, 'UNAUTHENTICATED', [message]);
export const forbidden = (message: string) => new ApiError(403, 'FORBIDDEN', [message]);
export const notFound = (message: string) => new ApiError(404, 'NOT_FOUND', [message]);
export const conflict = (message: string) => new ApiError(409, 'CONFLICT', [message]);

export function errorEnvelope(code: ErrorCode, issues: string[]) {
	return { is_error: true, error: { code, issues: issues.map((message) => ({ message })) } };
}
