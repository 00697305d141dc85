/**
 * /__sandbox/… : the sandbox's control API for out-of-process users (`npm start`, end-to-end tests).
 * No auth; the server answers it only on loopback connections.
 */
import { SandboxError } from './errors';
import type { Answer } from './graphqlEndpoint';
import type { FaultOptions } from './faults';
import { UNFINISHED_STATUSES } from './model';
import type { SandboxStats } from './stats';
import type { SandboxStore } from './store';
import type { WebhookConfig, WebhookSender } from './webhooks';

export const CONTROL_PREFIX = '/__sandbox/';

export interface ControlDependencies {
	store: SandboxStore;
	webhooks: WebhookSender;
	stats: () => SandboxStats;
	resetStats: () => void;
	setFaults: (faults: FaultOptions | undefined) => void;
}

interface EmitRequest {
	event: string;
	payload?: Record<string, unknown>;
	testSessionId?: string;
	interviewId?: string;
	testId?: string;
	triggeredOn?: number;
}

interface FinishRequest {
	testId?: string;
	count?: number;
	/** Epoch ms or an ISO-8601 date; default now. */
	at?: number | string;
	/** The sessions are listed only this long after now (a late-visible finish); their finish date stays `at`. */
	listedAfterMs?: number;
}

function json(status: number, value: unknown): Answer {
	return { status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(value) };
}

function timestamp(value: number | string | undefined): number | undefined {
	if (value === undefined || typeof value === 'number') return value;
	const parsed = Date.parse(value);
	if (Number.isNaN(parsed)) {
		throw new SandboxError(`"at" must be epoch milliseconds or an ISO-8601 date, got "${value}"`);
	}
	return parsed;
}

/** Finishes up to `count` unfinished sessions (of one test, or of any), newest invitations first. */
function finishSessions(store: SandboxStore, request: FinishRequest) {
	const tests = request.testId ? [store.requireTest(request.testId)] : store.tests();
	const count = request.count ?? 1;
	const candidates = tests
		.flatMap((test) =>
			store.listSessions(test.id).filter((session) => UNFINISHED_STATUSES.includes(session.status)),
		)
		.slice(0, count);
	const at = timestamp(request.at);
	const listedFrom = request.listedAfterMs ? Date.now() + request.listedAfterMs : undefined;
	return candidates.map((session) => {
		const finished = store.finishSession(session.id, at, undefined, listedFrom);
		return {
			id: finished.id,
			testId: finished.testId,
			status: finished.status,
			finishDate: finished.finishDate,
		};
	});
}

export async function handleControl(
	method: string,
	path: string,
	rawBody: string,
	dependencies: ControlDependencies,
): Promise<Answer> {
	const { store, webhooks } = dependencies;
	const route = `${method} ${path.slice(CONTROL_PREFIX.length - 1)}`;
	try {
		const body = (rawBody.trim() ? JSON.parse(rawBody) : {}) as Record<string, unknown>;
		switch (route) {
			case 'GET /stats':
				return json(200, dependencies.stats());
			case 'POST /stats/reset':
				dependencies.resetStats();
				return json(200, { ok: true });
			case 'POST /faults':
				dependencies.setFaults(Object.keys(body).length > 0 ? (body as FaultOptions) : undefined);
				return json(200, { ok: true });
			case 'POST /webhooks/configure':
				webhooks.configure(body as unknown as WebhookConfig);
				return json(200, { ok: true });
			case 'POST /webhooks/ping':
				return json(200, await webhooks.ping());
			case 'POST /webhooks/emit': {
				const request = body as unknown as EmitRequest;
				const subjectId = request.testSessionId ?? request.interviewId ?? request.testId;
				const payload = request.payload ?? webhooks.payloadFor(request.event, subjectId);
				const triggeredOn =
					webhooks.emit(request.event, payload, request.triggeredOn ?? store.now(), request.triggeredOn !== undefined) ??
					request.triggeredOn ??
					store.now();
				return json(200, { event: request.event, triggeredOn, payload });
			}
			case 'GET /webhooks/log':
				return json(200, {
					disabled: webhooks.disabled,
					queued: webhooks.queued(),
					deliveries: webhooks.log(),
				});
			case 'POST /sessions/finish':
				return json(200, { sessions: finishSessions(store, body as FinishRequest) });
			default:
				return json(404, { error: `No control route ${method} ${path}` });
		}
	} catch (error) {
		return json(400, { error: (error as Error).message });
	}
}
