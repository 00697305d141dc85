import type { IncomingMessage, RequestListener, ServerResponse } from 'http';
import { setTimeout as sleep } from 'timers/promises';
import { parseBody, readRaw } from './body';
import { handleControl, type ControlParts } from './control';
import { ApiError, errorEnvelope, forbidden, notFound, unauthenticated } from './errors';
import type { FaultInjector } from './faults';
import { matchRoute, type RouteMatch, type RouteResult } from './router';
import { apiRoutes } from './routes';
import type { RequestStats } from './stats';
import type { EndorsedStore } from './store';

const API_PREFIX = '/api/v1';
const CONTROL_PREFIX = '/__sandbox';

export interface ServerParts extends ControlParts {
	faults: FaultInjector;
	stats: RequestStats;
	/** Aborted on close, to cut short requests held by an injected delay. */
	shutdown: AbortSignal;
}

export function createRequestListener(parts: ServerParts): RequestListener {
	return (request, response) => {
		handle(parts, request, response).catch(() => {
			if (response.headersSent) response.destroy();
			else send(response, { status: 500, body: errorEnvelope('INTERNAL_SERVER_ERROR', ['Unexpected sandbox error']) });
		});
	};
}

async function handle(parts: ServerParts, request: IncomingMessage, response: ServerResponse): Promise<void> {
	const url = new URL(request.url ?? '/', 'http://sandbox');
	// A trailing slash is accepted everywhere (Endorsed documents /criterion_evaluations/ with one).
	const path = url.pathname.replace(/\/+$/, '');
	const method = request.method ?? 'GET';
	if (path.startsWith(`${CONTROL_PREFIX}/`)) {
		send(response, handleControl(parts, method, path.slice(CONTROL_PREFIX.length), await readRaw(request)));
		return;
	}
	const match: RouteMatch = path.startsWith(`${API_PREFIX}/`)
		? matchRoute(apiRoutes, method, path.slice(API_PREFIX.length))
		: { kind: 'none' };
	const routeKey = routeKeyOf(method, match);
	parts.stats.recordRequest(routeKey);

	const fault = parts.faults.next();
	if (fault?.kind === 'drop') {
		parts.stats.recordStatus(routeKey, 0);
		request.socket.destroy();
		return;
	}
	if (fault?.kind === 'slow' && !(await waitUnlessShutdown(fault.ms, parts.shutdown))) {
		request.socket.destroy();
		return;
	}
	const result =
		fault?.kind === 'status'
			? faultResult(fault.status)
			: await serve(parts.store, match, request, url).catch((error) => errorResult(error));
	parts.stats.recordStatus(routeKey, result.status);
	send(response, result);
}

/** How stats name a request: method and route pattern. */
function routeKeyOf(method: string, match: RouteMatch): string {
	if (match.kind === 'found') return `${method} ${match.route.pattern}`;
	return `${method} ${match.kind === 'wrong-method' ? match.pattern : '(no route)'}`;
}

async function serve(
	store: EndorsedStore,
	match: RouteMatch,
	request: IncomingMessage,
	url: URL,
): Promise<RouteResult> {
	const method = request.method ?? 'GET';
	if (match.kind === 'none') throw notFound(`No endpoint ${method} ${url.pathname}`);
	if (match.kind === 'wrong-method' || !match.route.public) authorize(store, method, request.headers.authorization);
	if (match.kind === 'wrong-method') {
		throw new ApiError(405, 'METHOD_NOT_ALLOWED', [`${method} is not supported on ${url.pathname}`]);
	}
	const body = parseBody(await readRaw(request), request.headers['content-type']);
	return match.route.handle({ store, params: match.params, query: url.searchParams, body });
}

/** Any valid token may read; writes (every method but GET) need the all:write scope. */
function authorize(store: EndorsedStore, method: string, header: string | undefined): void {
	const check = store.tokens.check(/^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1]);
	if (!check.ok) throw unauthenticated(check.reason);
	const { scopes } = check.token;
	if (method !== 'GET' && !scopes.includes('all:write')) {
		throw forbidden('This call needs a token with the all:write scope');
	}
	if (!scopes.length) throw forbidden('This call needs a token with the all:read scope');
}

function errorResult(error: unknown): RouteResult {
	if (error instanceof ApiError) return { status: error.status, body: errorEnvelope(error.code, error.issues) };
	throw error;
}

function faultResult(status: 429 | 500): RouteResult {
	return status === 429
		? { status, body: errorEnvelope('TOO_MANY_REQUESTS', ['Rate limit exceeded (injected by the sandbox)']) }
		: { status, body: errorEnvelope('INTERNAL_SERVER_ERROR', ['Internal server error (injected by the sandbox)']) };
}

/** False when the sandbox closed during the wait. */
async function waitUnlessShutdown(ms: number, shutdown: AbortSignal): Promise<boolean> {
	try {
		await sleep(ms, undefined, { signal: shutdown });
		return true;
	} catch {
		return false;
	}
}

function send(response: ServerResponse, result: RouteResult): void {
	const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
	if (result.status === 401) headers['www-authenticate'] = 'Bearer';
	if (result.status === 429) headers['retry-after'] = '1';
	response.writeHead(result.status, headers);
	response.end(JSON.stringify(result.body));
}
