/**
 * CodeSignal's webhook delivery, as documented: one event at a time in order, signed when a secret is set,
 * retried on anything but 200 with Sidekiq-style back-off (head-of-line blocking), disabled after 25 failures.
 */
import { createHmac } from 'crypto';

import { post } from './httpPost';
import { Random } from './random';

export interface WebhookConfig {
	/** The URL as configured in CodeSignal; the signature covers it. */
	endpointUrl: string;
	secret?: string;
	/** Custom headers sent with every delivery (e.g. x-endorsed-organization-id). */
	headers?: Record<string, string>;
	/** Event types to send (default all). */
	events?: string[];
	/** Multiplies every wait: 0.001 makes the retry schedule 1000x shorter. Default 1. */
	timeScale?: number;
	/** Where requests actually go when that differs from endpointUrl (e.g. behind a proxy). */
	deliverTo?: string;
}

export interface WebhookLogEntry {
	event: string;
	triggeredOn: number;
	/** 1 for the first try of this event. */
	attempt: number;
	/** HTTP status, 0 when no answer came. */
	status: number;
	/** When the attempt finished (sandbox clock). */
	at: number;
}

export interface DeliverOnceOptions {
	triggeredOn?: number;
	/** null sends no signature header; a string replaces the computed one. */
	signature?: string | null;
	headers?: Record<string, string>;
	/** Sent instead of the JSON body. */
	rawBody?: string;
}

export interface WebhookSender {
	configure(config: WebhookConfig): void;
	/** The empty POST CodeSignal sends when a webhook is saved; it must get 200 within 10 s. */
	ping(): Promise<{ status: number }>;
	/**
	 * Queues an event that happened `at` (default now); deliveries happen one at a time, in order. Returns its
	 * `triggeredOn`: a millisecond after the previous event's at least, unless `exact`. Ignored (undefined) while
	 * unconfigured or disabled.
	 */
	emit(event: string, payload: Record<string, unknown>, at?: number, exact?: boolean): number | undefined;
	/** One signed POST, no queue, no retry: lets tests tamper with it. */
	deliverOnce(
		event: string,
		payload: Record<string, unknown>,
		options?: DeliverOnceOptions,
	): Promise<{ status: number; body: string }>;
	/** A realistic payload for any of the 20 events, from the store. */
	payloadFor(event: string, subjectId?: string): Record<string, unknown>;
	/** Resolves when the queue is drained or the webhook disabled. */
	idle(): Promise<void>;
	log(): WebhookLogEntry[];
	/** Events waiting, the one being delivered included. */
	queued(): number;
	readonly disabled: boolean;
}

const MAX_ATTEMPTS = 25;
const DELIVERY_TIMEOUT_MS = 10_000;
/** "About one per second". */
const DELIVERY_SPACING_MS = 1000;

/** X-CodeSignal-Signature: lowercase hex HMAC-SHA256(secret, endpointUrl + event + triggeredOn). */
export function codeSignalSignature(
	secret: string,
	endpointUrl: string,
	event: string,
	triggeredOn: number,
): string {
	return createHmac('sha256', secret)
		.update(`${endpointUrl}${event}${String(triggeredOn)}`)
		.digest('hex');
}

/** Seconds to wait after the `failCount`-th failure: (failCount-1)^4 + 15 + random(30)*failCount. */
export function retryDelaySeconds(failCount: number, random30: number): number {
	return (failCount - 1) ** 4 + 15 + random30 * failCount;
}

function checkUrl(name: string, value: string): void {
	if (!URL.canParse(value)) throw new TypeError(`${name} must be an absolute URL, got "${value}"`);
}

interface QueuedEvent {
	event: string;
	payload: Record<string, unknown>;
	triggeredOn: number;
	attempts: number;
}

export interface WebhookSenderDependencies {
	payloadFor: (event: string, subjectId?: string) => Record<string, unknown>;
	now: () => number;
	seed: number;
}

export class CodeSignalWebhookSender implements WebhookSender {
	private config: WebhookConfig | undefined;

	private queue: QueuedEvent[] = [];

	private delivering = false;

	private isDisabled = false;

	private stopped = false;

	private lastDeliveryAt: number | undefined;

	private lastTriggeredOn = 0;

	private readonly entries: WebhookLogEntry[] = [];

	private readonly idleWaiters: Array<() => void> = [];

	private wakeUp: (() => void) | undefined;

	private timer: NodeJS.Timeout | undefined;

	private readonly rng: Random;

	constructor(private readonly dependencies: WebhookSenderDependencies) {
		this.rng = new Random(dependencies.seed);
	}

	get disabled(): boolean {
		return this.isDisabled;
	}

	configure(config: WebhookConfig): void {
		checkUrl('endpointUrl', config.endpointUrl);
		if (config.deliverTo !== undefined) checkUrl('deliverTo', config.deliverTo);
		if (config.timeScale !== undefined && !(config.timeScale >= 0)) {
			throw new RangeError(`timeScale must be 0 or more, got ${config.timeScale}`);
		}
		this.config = { ...config };
		this.isDisabled = false;
		this.pump();
	}

	async ping(): Promise<{ status: number }> {
		const config = this.requireConfig();
		const answer = await post(
			config.deliverTo ?? config.endpointUrl,
			'',
			{ 'content-type': 'application/json', ...config.headers },
			DELIVERY_TIMEOUT_MS,
		);
		return { status: answer.status };
	}

	emit(event: string, payload: Record<string, unknown>, at?: number, exact = false): number | undefined {
		if (!this.config || this.isDisabled || this.stopped) return undefined;
		if (this.config.events && !this.config.events.includes(event)) return undefined;
		// Events of one company leave one queue a millisecond apart at least: two in the same millisecond share
		// a signature, and the trigger refuses the second as a possible replay. An exact time is sent as given.
		const triggeredOn = exact && at !== undefined ? at : Math.max(at ?? this.dependencies.now(), this.lastTriggeredOn + 1);
		this.lastTriggeredOn = Math.max(this.lastTriggeredOn, triggeredOn);
		this.queue.push({ event, payload, triggeredOn, attempts: 0 });
		this.pump();
		return triggeredOn;
	}

	async deliverOnce(
		event: string,
		payload: Record<string, unknown>,
		options: DeliverOnceOptions = {},
	): Promise<{ status: number; body: string }> {
		const triggeredOn = options.triggeredOn ?? this.dependencies.now();
		return await this.send(
			event,
			triggeredOn,
			options.rawBody ?? JSON.stringify({ event, triggeredOn, payload }),
			options,
		);
	}

	payloadFor(event: string, subjectId?: string): Record<string, unknown> {
		return this.dependencies.payloadFor(event, subjectId);
	}

	async idle(): Promise<void> {
		if (this.isIdle()) return;
		await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
	}

	log(): WebhookLogEntry[] {
		return this.entries.map((entry) => ({ ...entry }));
	}

	queued(): number {
		return this.queue.length;
	}

	/** Stops delivering (sandbox shutdown); pending waits end at once. */
	stop(): void {
		this.stopped = true;
		this.queue = [];
		clearTimeout(this.timer);
		this.wakeUp?.();
		this.settleIdle();
	}

	private requireConfig(): WebhookConfig {
		if (!this.config) throw new Error('The webhook is not configured: call configure() first');
		return this.config;
	}

	private isIdle(): boolean {
		return this.isDisabled || this.stopped || (!this.delivering && this.queue.length === 0);
	}

	private settleIdle(): void {
		if (!this.isIdle()) return;
		for (const resolve of this.idleWaiters.splice(0)) resolve();
	}

	private scaled(milliseconds: number): number {
		return milliseconds * (this.config?.timeScale ?? 1);
	}

	private async wait(milliseconds: number): Promise<void> {
		if (milliseconds <= 0) return;
		await new Promise<void>((resolve) => {
			this.wakeUp = resolve;
			this.timer = setTimeout(resolve, milliseconds);
		});
		this.wakeUp = undefined;
	}

	private pump(): void {
		if (this.delivering || this.queue.length === 0) return;
		this.delivering = true;
		void this.deliverQueue().finally(() => {
			this.delivering = false;
			this.settleIdle();
		});
	}

	private async deliverQueue(): Promise<void> {
		while (this.queue.length > 0 && this.config && !this.isDisabled && !this.stopped) {
			const item = this.queue[0];
			if (item.attempts === 0 && this.lastDeliveryAt !== undefined) {
				await this.wait(this.lastDeliveryAt + this.scaled(DELIVERY_SPACING_MS) - Date.now());
			}
			item.attempts++;
			const body = JSON.stringify({
				event: item.event,
				triggeredOn: item.triggeredOn,
				payload: item.payload,
			});
			const { status } = await this.send(item.event, item.triggeredOn, body, {});
			if (this.stopped) return;
			this.lastDeliveryAt = Date.now();
			this.entries.push({
				event: item.event,
				triggeredOn: item.triggeredOn,
				attempt: item.attempts,
				status,
				at: this.dependencies.now(),
			});
			if (status === 200) {
				this.queue.shift();
			} else if (item.attempts >= MAX_ATTEMPTS) {
				this.isDisabled = true;
				this.queue = [];
			} else {
				await this.wait(this.scaled(retryDelaySeconds(item.attempts, this.rng.int(0, 29)) * 1000));
			}
		}
	}

	private async send(
		event: string,
		triggeredOn: number,
		body: string,
		options: Pick<DeliverOnceOptions, 'signature' | 'headers'>,
	): Promise<{ status: number; body: string }> {
		const config = this.requireConfig();
		const signature =
			options.signature === undefined
				? config.secret &&
					codeSignalSignature(config.secret, config.endpointUrl, event, triggeredOn)
				: options.signature;
		const headers: Record<string, string> = {
			'content-type': 'application/json',
			...(signature ? { 'X-CodeSignal-Signature': signature } : {}),
			...config.headers,
			...options.headers,
		};
		return await post(config.deliverTo ?? config.endpointUrl, body, headers, DELIVERY_TIMEOUT_MS);
	}
}
