/**
 * An owner's session on a running n8n: the owner account is set up on first use (as the setup screen does),
 * then the client logs in and talks to the REST API the editor uses (`/rest/...`, cookie `n8n-auth`) and to
 * the public API (`/api/v1/...`, header X-N8N-API-KEY, with a key created like Settings → n8n API does).
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';

import type { N8nInstance } from './instance';

export interface OwnerAccount {
	email: string;
	password: string;
	firstName: string;
	lastName: string;
}

/** Only for throw-away local instances. n8n wants 8+ characters with a digit and an upper-case letter. */
export const HARNESS_OWNER: OwnerAccount = {
	email: 'owner@harness.local',
	password: 'Harness-0wner',
	firstName: 'Harness',
	lastName: 'Owner',
};

export interface N8nExecutionSummary {
	id: string;
	workflowId: string;
	status: string;
	mode: string;
	finished: boolean;
	startedAt: string;
	stoppedAt: string | null;
	/** Only when listed with `includeData`. */
	data?: N8nExecutionData;
}

/** What each node of an execution output (first output of each run), and the error that ended it, if any. */
export interface N8nExecutionData {
	resultData: {
		runData: Record<string, Array<{ data?: { main: Array<Array<{ json: Record<string, unknown> }> | null> } }>>;
		error?: { message: string };
	};
}

export interface N8nExecutionFilter {
	workflowId: string;
	status?: string;
	/** Each execution with its data (much larger answers). */
	includeData?: boolean;
}

export interface N8nApiClient {
	/** Authenticated call to the editor's REST API; returns the response's `data`. */
	rest<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
	/** Authenticated GET of any path of the instance, e.g. `/types/nodes.json`. */
	getJson<T = unknown>(path: string): Promise<T>;
	/** Authenticated call to the public API (`/api/v1` + path); creates an API key on first use. */
	publicApi<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
}

export interface OwnerSession extends N8nApiClient {
	owner: OwnerAccount;
	/** A public-API key with every scope the owner may grant, without expiry. */
	createApiKey(label?: string): Promise<string>;
	/** Every saved execution of the workflow, newest first (all pages of the public API). */
	listExecutions(filter: N8nExecutionFilter): Promise<N8nExecutionSummary[]>;
	countExecutions(workflowId: string): Promise<number>;
	/**
	 * Executions are saved after a webhook has answered: polls until at least `count` are there or the
	 * timeout has passed, and returns what is there then.
	 */
	waitForExecutions(workflowId: string, count: number, timeoutMs?: number): Promise<N8nExecutionSummary[]>;
	/** Resolves once the workflow's triggers are live (2.x publishes in the background after start). */
	waitUntilActive(workflowId: string, timeoutMs?: number): Promise<void>;
	/** Publishes (2.x) or activates (1.x) the workflow through the public API, without a restart, and waits until it is live. */
	activateWorkflow(workflowId: string): Promise<void>;
	/** Names of every node type the instance has loaded, e.g. `n8n-nodes-base.webhook`. */
	nodeTypeNames(): Promise<string[]>;
}

const PAGE_LIMIT = 250;
const POLL_MS = 200;

export async function ownerSession(
	instance: N8nInstance,
	owner: OwnerAccount = HARNESS_OWNER,
): Promise<OwnerSession> {
	const http = new SessionHttp(instance.baseUrl);
	const settings = await http.rest<{ userManagement: { showSetupOnFirstLoad?: boolean } }>('GET', '/settings');
	if (settings.userManagement.showSetupOnFirstLoad) await http.rest('POST', '/owner/setup', owner);
	await http.rest('POST', '/login', { emailOrLdapLoginId: owner.email, password: owner.password });
	return new Session(instance, http, owner);
}

class SessionHttp {
	private cookie = '';
	// The auth cookie is bound to the browser id it was issued with.
	private readonly browserId = randomUUID();

	constructor(private readonly baseUrl: string) {}

	async rest<T>(method: string, path: string, body?: unknown): Promise<T> {
		const response = await this.request(method, `/rest${path}`, body, this.sessionHeaders());
		return ((await response.json()) as { data: T }).data;
	}

	async getJson<T>(path: string): Promise<T> {
		return (await (await this.request('GET', path, undefined, this.sessionHeaders())).json()) as T;
	}

	async publicApi<T>(apiKey: string, method: string, path: string, body?: unknown): Promise<T> {
		const response = await this.request(method, `/api/v1${path}`, body, { 'X-N8N-API-KEY': apiKey });
		return (await response.json()) as T;
	}

	private sessionHeaders(): Record<string, string> {
		return { cookie: this.cookie, 'browser-id': this.browserId };
	}

	private async request(
		method: string,
		path: string,
		body: unknown,
		headers: Record<string, string>,
	): Promise<Response> {
		const response = await fetch(`${this.baseUrl}${path}`, {
			method,
			headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const authCookie = response.headers.getSetCookie().find((cookie) => cookie.startsWith('n8n-auth='));
		if (authCookie) this.cookie = authCookie.split(';')[0];
		if (!response.ok) {
			// Bodies of failed calls carry n8n's message, never a secret we sent.
			throw new Error(`${method} ${path} answered ${response.status}: ${(await response.text()).slice(0, 500)}`);
		}
		return response;
	}
}

class Session implements OwnerSession {
	private apiKey?: string;

	constructor(
		private readonly instance: N8nInstance,
		private readonly http: SessionHttp,
		readonly owner: OwnerAccount,
	) {}

	rest<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
		return this.http.rest<T>(method, path, body);
	}

	getJson<T = unknown>(path: string): Promise<T> {
		return this.http.getJson<T>(path);
	}

	async publicApi<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
		this.apiKey ??= await this.createApiKey();
		return this.http.publicApi<T>(this.apiKey, method, path, body);
	}

	async createApiKey(label = `harness ${randomUUID().slice(0, 8)}`): Promise<string> {
		const scopes = await this.rest<string[]>('GET', '/api-keys/scopes');
		const created = await this.rest<{ rawApiKey: string }>('POST', '/api-keys', { label, scopes, expiresAt: null });
		return created.rawApiKey;
	}

	async listExecutions(filter: N8nExecutionFilter): Promise<N8nExecutionSummary[]> {
		const executions: N8nExecutionSummary[] = [];
		let cursor: string | undefined;
		do {
			const query = new URLSearchParams({ workflowId: filter.workflowId, limit: String(PAGE_LIMIT) });
			if (filter.status) query.set('status', filter.status);
			if (filter.includeData) query.set('includeData', 'true');
			if (cursor) query.set('cursor', cursor);
			const page = await this.publicApi<{ data: N8nExecutionSummary[]; nextCursor: string | null }>(
				'GET',
				`/executions?${query}`,
			);
			executions.push(...page.data);
			cursor = page.nextCursor ?? undefined;
		} while (cursor);
		return executions;
	}

	async countExecutions(workflowId: string): Promise<number> {
		return (await this.listExecutions({ workflowId })).length;
	}

	async waitForExecutions(workflowId: string, count: number, timeoutMs = 30_000): Promise<N8nExecutionSummary[]> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const executions = await this.listExecutions({ workflowId });
			if (executions.length >= count || Date.now() > deadline) return executions;
			await sleep(POLL_MS);
		}
	}

	async waitUntilActive(workflowId: string, timeoutMs = 60_000): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		let state = '';
		while (Date.now() < deadline) {
			state = await this.activationState(workflowId);
			if (state === 'active') return;
			if (state === 'failed' || state === 'partial') break;
			await sleep(POLL_MS);
		}
		const logTail = this.instance.logs().slice(-2000);
		throw new Error(`Workflow ${workflowId} is not active (${state || 'no answer'}):\n${logTail}`);
	}

	async activateWorkflow(workflowId: string): Promise<void> {
		await this.publicApi('POST', `/workflows/${workflowId}/activate`);
		await this.waitUntilActive(workflowId);
	}

	async nodeTypeNames(): Promise<string[]> {
		const types = await this.getJson<Array<{ name: string }>>('/types/nodes.json');
		return [...new Set(types.map((type) => type.name))];
	}

	/** 2.x reports each published workflow's trigger registration; 1.x lists the ids it has activated. */
	private async activationState(workflowId: string): Promise<string> {
		if (this.instance.runtime.major >= 2) {
			const { status } = await this.rest<{ status: string }>('GET', `/workflows/${workflowId}/publication-status`);
			return status === 'published' ? 'active' : status;
		}
		const activeIds = await this.rest<string[]>('GET', '/active-workflows');
		return activeIds.includes(workflowId) ? 'active' : 'inactive';
	}
}
