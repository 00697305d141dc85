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
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import {
	backoffDelayMs,
	DEFAULT_BACKOFF,
	describeNetworkError,
	isRetryableHttpStatus,
	isTransientNetworkError,
	parseRetryAfterMs,
	sleep,
} from '../../shared/backoff';
import {
	adviceFor,
	describeEndorsedError,
	readEnvelopeError,
	type EndorsedErrorBody,
} from '../../shared/endorsed/envelope';
import { endorsedBaseUrl, EndorsedTokenError, isRenewalDue } from '../../shared/endorsed/token';
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
		return {
			message: `Could not get an Endorsed access token to ${request.action}: ${tokenError.message}`,
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

function toNodeApiError(
	context: IExecuteFunctions,
	failure: Failure,
	attempts: number,
	secrets: string[],
	itemIndex: number,
) {
	const scrub = (text: string) => redactSecrets(text, secrets);
	const message = scrub(attempts > 1 ? `${failure.message} (gave up after ${attempts} attempts)` : failure.message);
	return new NodeApiError(context.getNode(), { message, code: failure.code ?? null } as JsonObject, {
		message,
		description: scrub(failure.description),
		httpCode: failure.httpStatus !== undefined ? String(failure.httpStatus) : undefined,
		itemIndex,
	});
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
	for (let attemptNumber = 1; ; attemptNumber++) {
		// Read for every attempt: a retry after a renewal must see the new token's renewal time.
		const credentials = await this.getCredentials(ENDORSED_CREDENTIAL, itemIndex);
		const outcome = await attempt(this, request, credentials);
		if ('answer' in outcome) return outcome.answer;
		const { failure } = outcome;
		const secrets = secretsOf(credentials);
		const delay = Math.max(backoffDelayMs(attemptNumber, DEFAULT_BACKOFF), failure.retryAfterMs ?? 0);
		if (!failure.retryable || attemptNumber >= MAX_ATTEMPTS || delay > DEFAULT_BACKOFF.maxRetryAfterMs) {
			throw toNodeApiError(this, failure, attemptNumber, secrets, itemIndex);
		}
		this.logger.debug(
			redactSecrets(`${failure.message}; retry ${attemptNumber} of ${MAX_ATTEMPTS - 1} in ${delay} ms`, secrets),
		);
		await sleep(delay);
	}
}
