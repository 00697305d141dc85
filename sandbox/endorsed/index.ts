/**
 * A local stand-in for Endorsed's public API v1 (https://endorsed.ai/api/v1), so the Endorsed node can be
 * tested, and the package tried, without an Endorsed account. See README.md for its conventions.
 */
import { createServer, type Server } from 'http';
import type { AddressInfo } from 'net';
import { FaultInjector, type EndorsedFaults } from './faults';
import { createRequestListener } from './server';
import { RequestStats, type EndorsedStats } from './stats';
import { EndorsedStore, type SandboxClient } from './store';

export type { EndorsedFaults } from './faults';
export type { EndorsedStats } from './stats';
export type { CriterionEvaluation, EvaluationResult, EvaluationState } from './evaluation';
export type { RankingEntry } from './ranking';
export type * from './records';
export { EndorsedStore, type SandboxClient } from './store';

export interface EndorsedSandboxOptions {
	/** Default 127.0.0.1. */
	host?: string;
	/** Default 0: a free port. */
	port?: number;
	/** Default one client, sandbox-client / sandbox-secret, with all:read and all:write. */
	clients?: SandboxClient[];
	/** Default 1209600 (14 days), as Endorsed. */
	tokenTtlSeconds?: number;
	/** How long evaluations stay IN_PROGRESS after a change. Default 0. */
	evaluationDelayMs?: number;
	faults?: EndorsedFaults;
	/** The clock for token expiry, evaluation delays and timestamps (epoch ms). Default Date.now. */
	now?: () => number;
}

export interface EndorsedSandbox {
	/** http://127.0.0.1:PORT */
	url: string;
	/** url + '/api/v1' */
	baseUrl: string;
	/** The first client's credentials. */
	clientId: string;
	clientSecret: string;
	store: EndorsedStore;
	/** Replaces the fault configuration; {} turns faults off. */
	setFaults(faults: EndorsedFaults): void;
	stats(): EndorsedStats;
	resetStats(): void;
	close(): Promise<void>;
}

export const DEFAULT_CLIENT: SandboxClient = {
	clientId: 'sandbox-client',
	clientSecret: 'sandbox-secret',
	scopes: ['all:read', 'all:write'],
};

const DEFAULT_TOKEN_TTL_SECONDS = 1209600;

export async function startEndorsedSandbox(options: EndorsedSandboxOptions = {}): Promise<EndorsedSandbox> {
	const clients = options.clients ?? [DEFAULT_CLIENT];
	if (!clients.length) throw new RangeError('clients must hold at least one client');
	const store = new EndorsedStore({
		clients,
		tokenTtlSeconds: options.tokenTtlSeconds ?? DEFAULT_TOKEN_TTL_SECONDS,
		evaluationDelayMs: options.evaluationDelayMs ?? 0,
		now: options.now ?? Date.now,
	});
	const faults = new FaultInjector();
	faults.set(options.faults ?? {});
	const stats = new RequestStats();
	const shutdown = new AbortController();
	const server = createServer(createRequestListener({ store, faults, stats, shutdown: shutdown.signal }));
	const host = options.host ?? '127.0.0.1';
	await listen(server, options.port ?? 0, host);
	const url = `http://${host}:${(server.address() as AddressInfo).port}`;
	return {
		url,
		baseUrl: `${url}/api/v1`,
		clientId: clients[0].clientId,
		clientSecret: clients[0].clientSecret,
		store,
		setFaults: (next) => faults.set(next),
		stats: () => stats.snapshot(),
		resetStats: () => stats.reset(),
		close() {
			shutdown.abort();
			return new Promise((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			});
		},
	};
}

function listen(server: Server, port: number, host: string): Promise<void> {
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => {
			server.off('error', reject);
			resolve();
		});
	});
}
