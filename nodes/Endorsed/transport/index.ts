/**
 * The one module that talks to Endorsed. Every call goes through n8n's httpRequestWithAuthentication
 * with the Endorsed API credential: n8n fetches a token when none is cached (the credential's
 * preAuthentication), sets the Bearer header, and on a 401 fetches a new token and sends the request
 * once more. Around that: a token about to expire is renewed before use, 429, 5xx and dropped
 * connections are retried with back-off, and Endorsed's error envelope becomes a NodeApiError that
 * names the action, Endorsed's code and its messages. Secrets never reach a message or a log line.
 */
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
} from 'n8n-workflow';

import { ServiceRequestError } from '../../shared/errors';
import { toNodeError } from '../../shared/nodeErrors';
import {
	describeNetworkError,
	isRetryableHttpStatus,
	isTransientNetworkError,
	parseRetryAfterMs,
	RetriesExhausted,
	withRetries,
} from '../../shared/retry';
import {
	adviceFor,
	describeEndorsedError,
	readEnvelopeError,
	type EndorsedErrorBody,
} from './envelope';
import { endorsedBaseUrl, EndorsedTokenError, isRenewalDue } from '../../../credentials/endorsedToken';
import { redactSecrets } from '../../shared/redact';

export const ENDORSED_CREDENTIAL = 'endorsedApi';

export interface EndorsedRequest {
	method: IHttpRequestMethods;
	/** Relative to the credential's base URL, path segments already encoded: `/candidates/remote.ada%40example.com`. */
	path: string;
	qs?: IDataObject;
	/** A JSON object, or FormData for an upload (n8n can resend it after renewing the token). */
	body?: IDataObject | FormData;
	/** Completes "Endorsed could not …" in error messages: "create the candidate". */
	action: string;
	/** Statuses handed back as an answer with its `error` instead of thrown: 404 for look-ups, 409 for "exists". */
	expected?: number[];
}

export interface EndorsedAnswer {
	status: number;
	result?: IDataObject;
	results?: IDataObject[];
	/** Set when the status was one of `expected`. */
	error?: EndorsedErrorBody;
}

const MAX_ATTEMPTS = 5;
const TIMEOUT_MS = 30_000;

interface Failure {
	message: string;
	description: string;
	httpStatus?: number;
	code?: string;
	retryable: boolean;
	retryAfterMs?: number;
}

interface FullResponse {
	statusCode: number;
	headers?: Record<string, unknown>;
	body: unknown;
}

/** The credential to send with: a copy without the token when it is about to expire, so n8n fetches a new one. */
function renewalOptions(context: IExecuteFunctions, credentials: ICredentialDataDecryptedObject) {
	if (!isRenewalDue(credentials.accessTokenRenewAt, Date.now())) return undefined;
	const stored = context.getNode().credentials?.[ENDORSED_CREDENTIAL];
	return {
		credentialsDecrypted: {
			id: stored?.id ?? '',
			name: stored?.name ?? ENDORSED_CREDENTIAL,
			type: ENDORSED_CREDENTIAL,
			data: { ...credentials, accessToken: '' },
		},
	};
}

function findTokenError(error: unknown): EndorsedTokenError | undefined {
	let current = error;
	for (let depth = 0; current && typeof current === 'object' && depth < 5; depth++) {
		if (current instanceof EndorsedTokenError) return current;
		current = (current as { cause?: unknown }).cause;
	}
	return undefined;
}

function httpStatusOf(error: unknown): number | undefined {
	const { httpCode, cause } = (error ?? {}) as { httpCode?: unknown; cause?: { response?: { status?: unknown } } };
	const status = Number(httpCode ?? cause?.response?.status);
	return Number.isInteger(status) ? status : undefined;
}

/** A request that threw: n8n throws for 401 (after its one renewal), token failures and network errors. */
function failureFromThrown(error: unknown, request: EndorsedRequest, baseUrl: string): Failure {
	const tokenError = findTokenError(error);
	if (tokenError) {
		const reason = tokenError.network ? `${tokenError.message}: ${describeNetworkError(tokenError.network)}` : tokenError.message;
		return {
			message: `Could not get an Endorsed access token to ${request.action}: ${reason}`,
			description: adviceFor(tokenError.retryable ? 'INTERNAL_SERVER_ERROR' : 'UNAUTHENTICATED', 0),
			retryable: tokenError.retryable,
		};
	}
	if (httpStatusOf(error) === 401) {
		return {
			message: `Endorsed refused the access token while trying to ${request.action}, also after fetching a new one`,
			description: adviceFor('UNAUTHENTICATED', 401),
			httpStatus: 401,
			code: 'UNAUTHENTICATED',
			retryable: false,
		};
	}
	return {
		message: `Could not reach Endorsed at ${baseUrl} to ${request.action}: ${describeNetworkError(error)}`,
		description: 'Check the base URL in the Endorsed API credential, and any proxy between n8n and Endorsed.',
		retryable: isTransientNetworkError(error),
	};
}

function failureFromAnswer(
	status: number,
	body: unknown,
	request: EndorsedRequest,
	headers: FullResponse['headers'],
): Failure {
	const error = readEnvelopeError(body);
	const said = error ? describeEndorsedError(error) : `HTTP ${status} with an answer that is not Endorsed JSON`;
	const retryAfter = headers?.['retry-after'];
	return {
		message: `Endorsed could not ${request.action} (${said})`,
		description: adviceFor(error?.code ?? '', status),
		httpStatus: status,
		code: error?.code,
		retryable: isRetryableHttpStatus(status),
		retryAfterMs: parseRetryAfterMs(typeof retryAfter === 'string' ? retryAfter : undefined, Date.now()),
	};
}

function secretsOf(credentials: ICredentialDataDecryptedObject): string[] {
	return [credentials.clientSecret, credentials.accessToken].filter(
		(value): value is string => typeof value === 'string',
	);
}

/** A failure as the user sees it, secrets scrubbed, saying how many attempts were made. */
function requestError(failure: Failure, attempts: number, secrets: string[]): ServiceRequestError {
	const scrub = (text: string) => redactSecrets(text, secrets);
	const message = scrub(attempts > 1 ? `${failure.message} (gave up after ${attempts} attempts)` : failure.message);
	return new ServiceRequestError(message, scrub(failure.description), failure.httpStatus, failure.code);
}

/** One attempt: Endorsed's answer, or why there is none worth returning. */
async function attempt(
	context: IExecuteFunctions,
	request: EndorsedRequest,
	credentials: ICredentialDataDecryptedObject,
): Promise<{ answer: EndorsedAnswer } | { failure: Failure }> {
	const baseUrl = endorsedBaseUrl(credentials);
	const options: IHttpRequestOptions = {
		method: request.method,
		url: `${baseUrl}${request.path}`,
		qs: request.qs,
		body: request.body,
		json: true,
		returnFullResponse: true,
		// 401 must throw: that is what makes n8n fetch a new token and resend.
		ignoreHttpStatusErrors: { ignore: true, except: [401] },
		timeout: TIMEOUT_MS,
	};
	let response: FullResponse;
	try {
		response = (await context.helpers.httpRequestWithAuthentication.call(
			context,
			ENDORSED_CREDENTIAL,
			options,
			renewalOptions(context, credentials),
		)) as FullResponse;
	} catch (error) {
		return { failure: failureFromThrown(error, request, baseUrl) };
	}
	const { statusCode: status, body } = response;
	const error = readEnvelopeError(body);
	if (status >= 200 && status < 300 && !error && typeof body === 'object' && body !== null) {
		const { result, results } = body as EndorsedAnswer;
		return { answer: { status, result, results } };
	}
	if (error && request.expected?.includes(status)) return { answer: { status, error } };
	return { failure: failureFromAnswer(status, body, request, response.headers) };
}

/** Sends one Endorsed request, with retries; resolves with the envelope's `result` or `results`. */
export async function endorsedApiRequest(
	this: IExecuteFunctions,
	request: EndorsedRequest,
	itemIndex = 0,
): Promise<EndorsedAnswer> {
	let secrets: string[] = [];
	try {
		return await withRetries<EndorsedAnswer, Failure>(
			async () => {
				// Read for every attempt: a retry after a renewal must see the new token's renewal time.
				const credentials = await this.getCredentials(ENDORSED_CREDENTIAL, itemIndex);
				secrets = secretsOf(credentials);
				const outcome = await attempt(this, request, credentials);
				if ('answer' in outcome) return { ok: true, value: outcome.answer };
				const { failure } = outcome;
				return { ok: false, failure, retryable: failure.retryable, retryAfterMs: failure.retryAfterMs };
			},
			{
				maxAttempts: MAX_ATTEMPTS,
				onRetry: (failure, attemptNumber, delay) =>
					this.logger.debug(
						redactSecrets(`${failure.message}; retry ${attemptNumber} of ${MAX_ATTEMPTS - 1} in ${delay} ms`, secrets),
					),
			},
		);
	} catch (error) {
		const failed = error instanceof RetriesExhausted ? requestError(error.failure as Failure, error.attempts, secrets) : error;
		throw toNodeError(this.getNode(), failed, { itemIndex });
	}
}
