import type { FaultInjector } from './faults';
import type { RouteResult } from './router';
import type { RequestStats } from './stats';
import type { EndorsedStore } from './store';
import { isPlainObject } from './validation';

export interface ControlParts {
	store: EndorsedStore;
	faults: FaultInjector;
	stats: RequestStats;
}

/**
 * /__sandbox/*: control and inspection for tests that run the sandbox in another process.
 * No token needed; plain JSON, no Endorsed envelope; not counted in stats.
 */
export function handleControl(parts: ControlParts, method: string, path: string, raw: Buffer): RouteResult {
	const key = `${method} ${path}`;
	if (key === 'GET /stats') return json(parts.stats.snapshot());
	if (key === 'POST /stats/reset') {
		parts.stats.reset();
		return json(parts.stats.snapshot());
	}
	if (key === 'POST /faults') return setFaults(parts.faults, raw);
	if (key === 'GET /faults') return json(parts.faults.current());
	if (key === 'GET /state') return json(snapshot(parts.store));
	if (key === 'POST /tokens/revoke') {
		parts.store.revokeAllTokens();
		return json({ revoked: true });
	}
	return { status: 404, body: { error: `No sandbox control endpoint ${method} /__sandbox${path}` } };
}

function setFaults(faults: FaultInjector, raw: Buffer): RouteResult {
	try {
		const value: unknown = JSON.parse(raw.toString('utf8') || '{}');
		if (!isPlainObject(value)) throw new TypeError('the body must be a JSON object of faults');
		faults.set(value);
		return json(faults.current());
	} catch (error) {
		return { status: 400, body: { error: (error as Error).message } };
	}
}

/**
 * Jobs with their criteria, candidates with their attachments (text included), nominations with their
 * evaluations, and every job's ranking.
 */
export function snapshot(store: EndorsedStore) {
	const jobs = store.jobs.all();
	return {
		jobs: jobs.map((job) => ({ ...job, criteria: store.criteriaOf(job.id) })),
		candidates: store.candidates.all().map((candidate) => ({
			...candidate,
			attachments: store.attachmentsOf(candidate.id),
		})),
		nominations: store.nominations.all().map((nomination) => ({
			...nomination,
			criterion_evaluations: store.evaluations(nomination.id),
		})),
		rankings: Object.fromEntries(jobs.map((job) => [job.id, store.rankings(job.id)])),
	};
}

function json(body: unknown): RouteResult {
	return { status: 200, body };
}
