/**
 * What went wrong in a CodeSignal call, decided without n8n types so it can be tested directly.
 * The transport turns a CodeSignalFailure into a NodeApiError with the item index.
 */
import { describeNetworkError } from '../retry';

export type CodeSignalFailureKind =
	| 'keyRejected'
	| 'permissionDenied'
	| 'rateLimited'
	| 'invalidQuery'
	| 'graphql'
	| 'http'
	| 'network'
	| 'unreadableResponse';

export interface CodeSignalFailure {
	kind: CodeSignalFailureKind;
	/** One sentence naming the operation and what CodeSignal said. */
	message: string;
	/** What the user can do about it. */
	description: string;
	httpStatus?: number;
	retryable: boolean;
}

export interface GraphqlErrorEntry {
	message?: unknown;
	path?: unknown;
	extensions?: { code?: unknown };
}

const RATE_LIMIT_MESSAGE = /rate limit|too many requests/i;
const ACCESS_DENIED_MESSAGE = /access denied|forbidden|not authori[sz]ed|permission/i;

/** The first readable message of a GraphQL `errors` array, or of a response body. */
export function firstGraphqlMessage(errors: unknown): string | undefined {
	if (!Array.isArray(errors)) return undefined;
	for (const entry of errors as GraphqlErrorEntry[]) {
		if (entry && typeof entry.message === 'string' && entry.message.trim() !== '') return entry.message.trim();
	}
	return undefined;
}

export function failureFromHttpStatus(operation: string, status: number, serverMessage?: string): CodeSignalFailure {
	const said = serverMessage ? `: ${serverMessage}` : '';
	if (status === 401) {
		return {
			kind: 'keyRejected',
			message: `CodeSignal rejected the API key (HTTP 401) while trying to ${operation}${said}`,
			description:
				'Check the API key in the CodeSignal API credential: it may be mistyped, revoked or for another company. Keys are managed in CodeSignal under Integrations → API Keys.',
			httpStatus: status,
			retryable: false,
		};
	}
	if (status === 403) {
		return {
			kind: 'permissionDenied',
			message: `The CodeSignal API key lacks a permission needed to ${operation} (HTTP 403)${said}`,
			description:
				'Give the key the missing permission in CodeSignal under Integrations → API Keys (Endorsed recommends all company, integration, interview and task permissions).',
			httpStatus: status,
			retryable: false,
		};
	}
	if (status === 429) {
		return {
			kind: 'rateLimited',
			message: `CodeSignal kept rate-limiting the requests to ${operation} (HTTP 429)${said}`,
			description:
				'Lower "Requests per Second" in the CodeSignal API credential, or run fewer workflows against the same key at once.',
			httpStatus: status,
			retryable: true,
		};
	}
	if (status === 400 && serverMessage) {
		return {
			kind: 'invalidQuery',
			message: `CodeSignal refused the request to ${operation} (HTTP 400)${said}`,
			description: 'The query or its variables were not accepted by the CodeSignal GraphQL schema.',
			httpStatus: status,
			retryable: false,
		};
	}
	return {
		kind: 'http',
		message: `CodeSignal answered HTTP ${status} while trying to ${operation}${said}`,
		description:
			status >= 500
				? 'CodeSignal had a server error; the request was retried. Try again later.'
				: 'Check the GraphQL endpoint in the CodeSignal API credential.',
		httpStatus: status,
		retryable: status >= 500,
	};
}

/** A 200 answer whose `errors` say why the data is missing. */
export function failureFromGraphqlErrors(operation: string, errors: unknown): CodeSignalFailure {
	const message = firstGraphqlMessage(errors) ?? 'an unspecified GraphQL error';
	if (RATE_LIMIT_MESSAGE.test(message)) {
		return { ...failureFromHttpStatus(operation, 429, message), httpStatus: undefined };
	}
	if (ACCESS_DENIED_MESSAGE.test(message)) {
		return { ...failureFromHttpStatus(operation, 403, message), httpStatus: undefined };
	}
	return {
		kind: 'graphql',
		message: `CodeSignal could not ${operation}: ${message}`,
		description: 'CodeSignal answered with a GraphQL error.',
		retryable: false,
	};
}

export function failureFromNetworkError(operation: string, endpoint: string, error: unknown): CodeSignalFailure {
	return {
		kind: 'network',
		message: `Could not reach CodeSignal at ${endpoint} to ${operation}: ${describeNetworkError(error)}`,
		description: 'Check the GraphQL endpoint in the CodeSignal API credential, and any proxy between n8n and CodeSignal.',
		retryable: true,
	};
}

export function unreadableResponse(operation: string, status: number): CodeSignalFailure {
	return {
		kind: 'unreadableResponse',
		message: `CodeSignal answered HTTP ${status} with a body that is not GraphQL JSON while trying to ${operation}`,
		description: 'Check that the GraphQL endpoint in the CodeSignal API credential points at CodeSignal\'s /graphql.',
		httpStatus: status,
		retryable: status >= 500,
	};
}

/** After the last attempt: say how many were made, so a user knows retrying already happened. */
export function afterAttempts(failure: CodeSignalFailure, attempts: number): CodeSignalFailure {
	if (attempts <= 1) return failure;
	return { ...failure, message: `${failure.message} (gave up after ${attempts} attempts)` };
}
