import type { RequestBody } from './body';
import type { EndorsedStore } from './store';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestContext {
	store: EndorsedStore;
	params: Record<string, string>;
	query: URLSearchParams;
	body: RequestBody;
}

export interface RouteResult {
	status: number;
	body: unknown;
}

export interface Route {
	method: HttpMethod;
	/** Relative to /api/v1, with {name} for a path parameter, e.g. '/jobs/{id}/criteria'. */
	pattern: string;
	/** Only the token endpoint is public; other GETs need a token, other methods all:write too. */
	public?: boolean;
	handle(context: RequestContext): RouteResult;
}

export type RouteMatch =
	| { kind: 'found'; route: Route; params: Record<string, string> }
	| { kind: 'wrong-method'; pattern: string }
	| { kind: 'none' };

export const ok = (result: unknown): RouteResult => ({ status: 200, body: { is_error: false, result } });
export const okList = (results: unknown[]): RouteResult => ({ status: 200, body: { is_error: false, results } });
export const created = (id: string): RouteResult => ({ status: 201, body: { is_error: false, result: { id } } });

/** Matches a path (relative to /api/v1, no trailing slash) against the routes; path segments are URL-decoded. */
export function matchRoute(routes: Route[], method: string, path: string): RouteMatch {
	const segments = path.split('/').slice(1).map(decodeSegment);
	let wrongMethod: string | undefined;
	for (const route of routes) {
		const params = matchPattern(route.pattern, segments);
		if (!params) continue;
		if (route.method === method) return { kind: 'found', route, params };
		wrongMethod ??= route.pattern;
	}
	return wrongMethod ? { kind: 'wrong-method', pattern: wrongMethod } : { kind: 'none' };
}

function matchPattern(pattern: string, segments: string[]): Record<string, string> | undefined {
	const parts = pattern.split('/').slice(1);
	if (parts.length !== segments.length) return undefined;
	const params: Record<string, string> = {};
	for (const [index, part] of parts.entries()) {
		if (part.startsWith('{')) params[part.slice(1, -1)] = segments[index];
		else if (part !== segments[index]) return undefined;
	}
	return params;
}

function decodeSegment(segment: string): string {
	try {
		return decodeURIComponent(segment);
	} catch {
		return segment;
	}
}
