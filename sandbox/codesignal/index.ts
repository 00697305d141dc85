/**
 * A local CodeSignal: the published GraphQL schema served over HTTP with generated, seeded data,
 * CodeSignal's limits (auth, rate, cost, depth, page size), injectable faults, and webhook delivery.
 */
import { FaultInjector, type FaultOptions } from './faults';
import { GraphqlEndpoint } from './graphqlEndpoint';
import { SlidingWindowLimiter } from './limits';
import { primaryApiKey, resolveSettings, type CodeSignalSandboxOptions } from './options';
import { codeSignalSchema } from './schema';
import { startServer } from './server';
import { StatsRecorder, type SandboxStats } from './stats';
import { SandboxStore } from './store';
import { webhookPayload } from './webhookPayloads';
import { CodeSignalWebhookSender, type WebhookSender } from './webhooks';

export type { DatasetOptions } from './dataset';
export type { FaultOptions } from './faults';
export { keyLabel, queryCost } from './limits';
export type { CodeSignalSandboxOptions, RateLimitOptions } from './options';
export type { SandboxStats } from './stats';
export { SandboxStore } from './store';
export type { AddSessionsOptions, AddTestInput, StoreEvent } from './store';
export type { FinishedResultSpec } from './generator';
export { WEBHOOK_EVENTS } from './webhookPayloads';
export { codeSignalSignature, retryDelaySeconds } from './webhooks';
export type { DeliverOnceOptions, WebhookConfig, WebhookLogEntry, WebhookSender } from './webhooks';
export type * from './model';

export interface CodeSignalSandbox {
	/** http://127.0.0.1:PORT */
	url: string;
	/** url + '/graphql' */
	graphqlUrl: string;
	/** The first key with full access. */
	apiKey: string;
	store: SandboxStore;
	setFaults(faults: FaultOptions | undefined): void;
	stats(): SandboxStats;
	/** The most requests `apiKey` (default: the first key) sent in any window of the rate limit since the last reset. */
	busiestWindow(apiKey?: string): number;
	resetStats(): void;
	webhooks: WebhookSender;
	close(): Promise<void>;
}

export async function startCodeSignalSandbox(
	options: CodeSignalSandboxOptions = {},
): Promise<CodeSignalSandbox> {
	const settings = resolveSettings(options);
	const store = new SandboxStore({
		seed: settings.seed,
		dataset: settings.dataset,
		now: settings.now,
	});
	const webhooks = new CodeSignalWebhookSender({
		payloadFor: (event, subjectId) => webhookPayload(store, event, subjectId),
		now: settings.now,
		seed: settings.seed,
	});
	// What CodeSignal announces by webhook, it announces here too (ignored until a webhook is configured).
	store.onEvent((change) =>
		webhooks.emit(change.event, webhooks.payloadFor(change.event, change.subjectId), change.at),
	);

	const stats = new StatsRecorder();
	const limiter = new SlidingWindowLimiter(
		settings.rateLimit.perSecond,
		settings.rateLimit.windowMs,
	);
	let faults = settings.faults ? new FaultInjector(settings.faults) : undefined;
	const setFaults = (next: FaultOptions | undefined) => {
		faults = next ? new FaultInjector(next) : undefined;
	};
	const sandboxStats = () => stats.snapshot(limiter.maxRequestsInWindow(), limiter.busiestWindowByKey());
	const resetStats = () => {
		stats.reset();
		limiter.resetStats();
	};

	const graphql = new GraphqlEndpoint({
		schema: codeSignalSchema(),
		store,
		settings,
		limiter,
		stats,
		faults: () => faults,
	});
	const server = await startServer(settings.host, settings.port, {
		graphql,
		control: { store, webhooks, stats: sandboxStats, resetStats, setFaults },
		stats,
		logRequests: settings.logRequests,
	});

	return {
		url: server.url,
		graphqlUrl: `${server.url}/graphql`,
		apiKey: primaryApiKey(settings.apiKeys),
		store,
		setFaults,
		stats: sandboxStats,
		busiestWindow: (apiKey = primaryApiKey(settings.apiKeys)) => limiter.busiestWindowOf(apiKey),
		resetStats,
		webhooks,
		close: async () => {
			webhooks.stop();
			await server.close();
		},
	};
}
