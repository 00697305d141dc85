/**
 * The one module that talks to CodeSignal's GraphQL API, for every node of the package.
 *
 * graphql-request builds and parses the GraphQL exchange; its `fetch` goes through n8n's
 * httpRequestWithAuthentication so proxies, SSL settings and credential injection work as in any node.
 * Around it: the pacing of every request sent with a key in this process (its share of the key's rate limit,
 * lowered for a while after a 429), and retries with back-off for 429, 5xx, timeouts and dropped connections.
 */
import { createHash } from 'crypto';
import { ClientError, GraphQLClient } from 'graphql-request';
import type {
	ICredentialDataDecryptedObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IPollFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';

import {
	isRetryableHttpStatus,
	isTransientNetworkError,
	parseRetryAfterMs,
	withRetries,
	type BackoffPolicy,
} from '../retry';
import { ServiceRequestError } from '../errors';
import { toNodeError } from '../nodeErrors';
import { realClock, RequestPacer, type PacerClock } from './pacer';
import { AdaptiveRate, processesSharingLimit, processRequestsPerSecond } from './rateShare';
import { redactSecrets } from '../redact';
import {
	afterAttempts,
	failureFromGraphqlErrors,
	failureFromHttpStatus,
	failureFromNetworkError,
	firstGraphqlMessage,
	unreadableResponse,
	type CodeSignalFailure,
} from './failures';

export const CODESIGNAL_CREDENTIAL = 'codeSignalApi';
export const DEFAULT_ENDPOINT = 'https://app.codesignal.com/graphql';
export const DEFAULT_REQUESTS_PER_SECOND = 10;

/** Every n8n context that may call CodeSignal. */
export type CodeSignalContext =
	| IExecuteFunctions
	| ILoadOptionsFunctions
	| IPollFunctions
	| IWebhookFunctions
	| IHookFunctions;

/** A named GraphQL document; `action` completes "while trying to …" in error messages. */
export interface GraphqlOperation {
	name: string;
	action: string;
	document: string;
}

export interface CodeSignalRequestOptions {
	itemIndex?: number;
	/** Attempts in all, the first included. */
	maxAttempts?: number;
	timeoutMs?: number;
	backoff?: Partial<BackoffPolicy>;
	/** Bounds the whole call, retries included (the trigger must answer CodeSignal quickly). */
	deadline?: number;
}

export const DEFAULT_MAX_ATTEMPTS = 6;
export const DEFAULT_TIMEOUT_MS = 30_000;

/** An HTTP exchange as the transport needs it, whoever carries it (a node's helpers, a credential test). */
export interface HttpExchange {
	url: string;
	headers: Record<string, string>;
	body: string;
	timeoutMs: number;
}
export interface HttpAnswer {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	body: string;
}
export type HttpSender = (exchange: HttpExchange) => Promise<HttpAnswer>;

export interface CodeSignalConnection {
	endpoint: string;
	/** Only used to key the pacing (hashed) and to scrub error texts; never sent from here. */
	apiKey: string;
	/** This process's share of the key's rate limit. */
	requestsPerSecond: number;
	send: HttpSender;
	log?: (message: string) => void;
	/** The pacing's time and timers (default: the process's); injected to drive it exactly. */
	clock?: PacerClock;
}

/** A CodeSignal call that failed for good; `failure` says how, in words a user can act on. */
export class CodeSignalRequestError extends ServiceRequestError {
	constructor(readonly failure: CodeSignalFailure) {
		super(failure.message, failure.description, failure.httpStatus, failure.kind);
	}
}

interface KeyPacing {
	pacer: RequestPacer;
	rate: AdaptiveRate;
	clock: PacerClock;
}

const pacings = new Map<string, KeyPacing>();

/** The pacing shared by every call made with the same key to the same endpoint in this process. */
function pacingFor(connection: CodeSignalConnection): KeyPacing {
	const key = createHash('sha256').update(`${connection.endpoint}\n${connection.apiKey}`).digest('hex');
	let pacing = pacings.get(key);
	if (!pacing) {
		const clock = connection.clock ?? realClock;
		const rate = new AdaptiveRate(connection.requestsPerSecond);
		const pacer = new RequestPacer(() => rate.requestsPerSecond(clock.now()), clock);
		pacing = { pacer, rate, clock };
		pacings.set(key, pacing);
	}
	// A credential edited meanwhile: the new share applies from the next request, the last send time stays.
	pacing.rate.share = connection.requestsPerSecond;
	return pacing;
}

/** CodeSignal said 429: the whole key waits for Retry-After (or a window) and this process slows down. */
function rateLimitedAt(pacing: KeyPacing, retryAfterMs: number | undefined): void {
	const now = pacing.clock.now();
	pacing.rate.rateLimited(now);
	pacing.pacer.holdUntilTime(now + (retryAfterMs ?? 1000));
}

/** graphql-request's fetch, carried by an HttpSender. */
function fetchVia(send: HttpSender, pacer: RequestPacer, timeoutMs: number): typeof fetch {
	return async (input, init) => {
		const headers: Record<string, string> = {};
		new Headers(init?.headers).forEach((value, key) => (headers[key] = value));
		const exchange = { url: String(input), headers, body: typeof init?.body === 'string' ? init.body : '', timeoutMs };
		// Paced here, at the hand-over to the network, not before graphql-request's own preparation.
		const answer = await pacer.run(async () => await send(exchange));
		const responseHeaders = new Headers();
		for (const [key, value] of Object.entries(answer.headers)) {
			if (value !== undefined) responseHeaders.set(key, Array.isArray(value) ? value.join(', ') : String(value));
		}
		const status = answer.status >= 200 && answer.status <= 599 ? answer.status : 502;
		return new Response([204, 205, 304].includes(status) ? null : answer.body, { status, headers: responseHeaders });
	};
}

interface AttemptOutcome<T> {
	data?: T;
	failure?: CodeSignalFailure;
	retryAfterMs?: number;
}

async function attempt<T>(
	client: GraphQLClient,
	operation: GraphqlOperation,
	variables: Record<string, unknown>,
	endpoint: string,
): Promise<AttemptOutcome<T>> {
	try {
		const response = await client.rawRequest<T>(operation.document, variables);
		if (response.errors?.length) {
			const failure = failureFromGraphqlErrors(operation.action, response.errors);
			return { failure, retryAfterMs: failure.kind === 'rateLimited' ? 1000 : undefined };
		}
		return { data: response.data };
	} catch (error) {
		if (error instanceof ClientError) {
			const { status, headers } = error.response;
			const serverMessage = firstGraphqlMessage(error.response.errors);
			if (serverMessage === undefined && !isRetryableHttpStatus(status) && status !== 401 && status !== 403) {
				return { failure: unreadableResponse(operation.action, status) };
			}
			const retryAfterHeader = headers instanceof Headers ? headers.get('retry-after') : undefined;
			return {
				failure: failureFromHttpStatus(operation.action, status, serverMessage),
				retryAfterMs: parseRetryAfterMs(retryAfterHeader, Date.now()),
			};
		}
		if (isTransientNetworkError(error)) {
			return { failure: failureFromNetworkError(operation.action, endpoint, error) };
		}
		if (error instanceof SyntaxError || /parse|unexpected token|invalid json/i.test(String(error?.message))) {
			return { failure: unreadableResponse(operation.action, 200) };
		}
		const failure = failureFromNetworkError(operation.action, endpoint, error);
		return { failure: { ...failure, retryable: false } };
	}
}

/**
 * Runs one GraphQL operation with rate limiting and retries; resolves with `data` or rejects with a
 * CodeSignalRequestError whose message names the operation and CodeSignal's answer.
 */
export async function runGraphqlOperation<T>(
	connection: CodeSignalConnection,
	operation: GraphqlOperation,
	variables: Record<string, unknown> = {},
	options: CodeSignalRequestOptions = {},
): Promise<T> {
	const maxAttempts = Math.max(1, options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS);
	const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
	const pacing = pacingFor(connection);
	const client = new GraphQLClient(connection.endpoint, {
		fetch: fetchVia(connection.send, pacing.pacer, timeoutMs),
		errorPolicy: 'all',
	});
	const scrub = (failure: CodeSignalFailure): CodeSignalFailure => ({
		...failure,
		message: redactSecrets(failure.message, [connection.apiKey]),
	});
	return await withRetries<T, CodeSignalFailure>(
		async () => {
			const outcome = await attempt<T>(client, operation, variables, connection.endpoint);
			if (!outcome.failure) return { ok: true, value: outcome.data as T };
			const failure = scrub(outcome.failure);
			if (failure.kind === 'rateLimited') rateLimitedAt(pacing, outcome.retryAfterMs);
			return {
				ok: false,
				failure,
				retryable: failure.retryable,
				retryAfterMs: outcome.retryAfterMs,
				// Rate-limited without Retry-After: the limit is per second, so waiting less cannot help.
				minDelayMs: failure.kind === 'rateLimited' && outcome.retryAfterMs === undefined ? 1000 : undefined,
			};
		},
		{
			maxAttempts,
			policy: options.backoff,
			deadline: options.deadline,
			onRetry: (failure, attemptNumber, delay) =>
				connection.log?.(
					`${operation.name}: ${failure.message}; retry ${attemptNumber} of ${maxAttempts - 1} in ${delay} ms`,
				),
			exhausted: (failure, attempts) => new CodeSignalRequestError(afterAttempts(failure, attempts)),
		},
	);
}

/** The CodeSignal connection of a node, carried by n8n's authenticated request helper. */
export async function codeSignalConnection(context: CodeSignalContext): Promise<CodeSignalConnection> {
	const credentials = await context.getCredentials(CODESIGNAL_CREDENTIAL);
	// Handed to n8n with each request: otherwise n8n reads and decrypts the credential from its database again
	// for every request. n8n still applies the credential's `authenticate` to each one.
	const stored = context.getNode().credentials?.[CODESIGNAL_CREDENTIAL];
	const credentialsDecrypted = {
		id: stored?.id ?? '',
		name: stored?.name ?? '',
		type: CODESIGNAL_CREDENTIAL,
		data: credentials,
	};
	return connectionFromCredentials(credentials, async (exchange) => {
		const request: IHttpRequestOptions = {
			method: 'POST',
			url: exchange.url,
			headers: exchange.headers,
			body: exchange.body,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			encoding: 'text',
			json: false,
			timeout: exchange.timeoutMs,
		};
		const response = (await context.helpers.httpRequestWithAuthentication.call(
			context,
			CODESIGNAL_CREDENTIAL,
			request,
			{ credentialsDecrypted },
		)) as { statusCode: number; headers: HttpAnswer['headers']; body: unknown };
		return {
			status: response.statusCode,
			headers: response.headers ?? {},
			body: typeof response.body === 'string' ? response.body : JSON.stringify(response.body ?? ''),
		};
	}, (message) => context.logger?.debug(message));
}

export function connectionFromCredentials(
	credentials: ICredentialDataDecryptedObject,
	send: HttpSender,
	log?: (message: string) => void,
): CodeSignalConnection {
	const endpoint = String(credentials.endpoint || DEFAULT_ENDPOINT).trim();
	const setLimit = Number(credentials.requestsPerSecond ?? DEFAULT_REQUESTS_PER_SECOND);
	const limit = Number.isFinite(setLimit) && setLimit >= 1 ? setLimit : DEFAULT_REQUESTS_PER_SECOND;
	// Set by the user (1 + workers in queue mode): a node reads no environment, so it cannot tell by itself.
	const processes = processesSharingLimit(credentials.processesSharingLimit);
	return {
		endpoint,
		apiKey: String(credentials.apiKey ?? ''),
		requestsPerSecond: processRequestsPerSecond(limit, processes),
		send,
		log,
	};
}

/** A node's CodeSignal client: credentials read once, failures turned into NodeApiErrors with the item index. */
export interface CodeSignalClient {
	request<T>(operation: GraphqlOperation, variables?: Record<string, unknown>, options?: CodeSignalRequestOptions): Promise<T>;
}

export async function codeSignalClient(context: CodeSignalContext): Promise<CodeSignalClient> {
	const connection = await codeSignalConnection(context);
	return {
		async request<T>(
			operation: GraphqlOperation,
			variables: Record<string, unknown> = {},
			options: CodeSignalRequestOptions = {},
		) {
			try {
				return await runGraphqlOperation<T>(connection, operation, variables, options);
			} catch (error) {
				throw toNodeError(context.getNode(), error, { itemIndex: options.itemIndex });
			}
		},
	};
}
