/**
 * The trigger's `execute()`: the first step of the execution, after CodeSignal has had its 200 (in queue mode
 * on a worker). For each delivery it
 * - drops it when n8n's database says this trigger received it before: a repeat that reached another webhook
 *   process, or this one after a restart;
 * - reads the test session it names from CodeSignal's API, with the transport's retries: the body is not
 *   signed, so status, scores and "result ready" come from this read;
 * - flags a delivery whose session contradicts its event (a replayed signature with another body, or an API
 *   that has not caught up yet), so that Push Assessment leaves it alone.
 * A read that still fails fails the execution: CodeSignal will not send the delivery again.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { sleep } from '../shared/retry';
import { normalizeSession, sessionDocuments, type RawSession, type SessionItem } from '../shared/codesignal/sessions';
import { codeSignalClient, type CodeSignalClient } from '../shared/codesignal/transport';
import { toNodeError } from '../shared/nodeErrors';
import { codeSignalEvent } from './events';
import { contradiction } from './eventState';
import type { DeliveryItem } from './item';
import { executionSettings, MAX_DELIVERIES_IN_DATABASE } from './triggerSettings';
import { triggerStateOf, type TriggerState } from './triggerState';

/** How long the API may lag behind a delivery before the delivery counts as contradicted: about 15 s in all. */
export const CATCH_UP_WAITS_MS = [2_000, 4_000, 8_000];

/** What the read adds to a test-session delivery. */
export interface SessionCheck {
	/** From the API: finished, and verified when proctored. */
	resultReady: boolean;
	session: SessionItem | null;
	apiCheck: { matchesEvent: boolean; problem: string | null };
}

type Settings = ReturnType<typeof executionSettings>;

/** Reads the session until it agrees with the event or CATCH_UP_WAITS_MS are spent. */
async function checkSession(
	client: CodeSignalClient,
	delivery: DeliveryItem,
	settings: Settings & { timeZone: string },
	itemIndex: number,
): Promise<SessionCheck> {
	const read = async (): Promise<SessionItem | null> => {
		const data = await client.request<{ companyTestSession: RawSession | null }>(
			sessionDocuments.get.results,
			{ id: delivery.testSessionId },
			{ itemIndex },
		);
		if (!data.companyTestSession) return null;
		return normalizeSession(data.companyTestSession, {
			detail: 'results',
			includeResultUrl: settings.includeResultUrl,
			timeZone: settings.timeZone,
		});
	};
	let session = await read();
	let problem = contradiction(delivery.event, delivery.testSessionId as string, session);
	for (const ms of CATCH_UP_WAITS_MS) {
		if (problem === null) break;
		await sleep(ms);
		session = await read();
		problem = contradiction(delivery.event, delivery.testSessionId as string, session);
	}
	return {
		resultReady: session?.resultReady === true && problem === null,
		session,
		apiCheck: { matchesEvent: problem === null, problem },
	};
}

/**
 * Whether the delivery is new to this trigger across every n8n process, recording it. n8n 1.x before the
 * de-duplication helpers, or a failure of that store, count as new: a repeat costs an execution, a loss a result.
 */
async function isNewAcrossProcesses(
	context: IExecuteFunctions,
	state: TriggerState,
	key: string,
	maxEntries: number,
): Promise<boolean> {
	const helpers = context.helpers as Partial<IExecuteFunctions['helpers']>;
	if (typeof helpers.checkProcessedAndRecord !== 'function' || context.getMode() === 'manual' || maxEntries <= 0) {
		return true;
	}
	// Two executions creating the trigger's first record at once: the second try finds it.
	for (let attempt = 1; ; attempt++) {
		try {
			const checked = await state.oneStoreCallAtATime(() =>
				helpers.checkProcessedAndRecord!([key], 'node', { mode: 'entries', maxEntries }),
			);
			return checked.new.length > 0;
		} catch (error) {
			if (attempt >= 2) {
				context.logger.warn(
					`CodeSignal Trigger "${context.getNode().name}" could not check for repeats in n8n's database: ${(error as Error).message}`,
				);
				return true;
			}
		}
	}
}

async function forgetAcrossProcesses(
	context: IExecuteFunctions,
	state: TriggerState,
	key: string,
	maxEntries: number,
): Promise<void> {
	const helpers = context.helpers as Partial<IExecuteFunctions['helpers']>;
	if (typeof helpers.removeProcessed !== 'function' || context.getMode() === 'manual' || maxEntries <= 0) return;
	await state
		.oneStoreCallAtATime(() => helpers.removeProcessed!([key], 'node', { mode: 'entries', maxEntries }))
		.catch(() => undefined);
}

export async function confirmDeliveries(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const settings = { ...executionSettings(this), timeZone: this.getTimezone() };
	const items = this.getInputData();
	const state = triggerStateOf(this.getMode(), settings.workflowId, settings.nodeId);
	const maxInDatabase = Math.min(settings.memory.maxEntries, MAX_DELIVERIES_IN_DATABASE);
	let client: CodeSignalClient | undefined;
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const delivery = items[itemIndex].json as unknown as DeliveryItem;
		// The delivery id, not the signature: two sessions finishing in the same millisecond share a signature.
		const key = delivery.deliveryId;
		if (!(await isNewAcrossProcesses(this, state, key, maxInDatabase))) {
			this.logger.info(
				`CodeSignal Trigger "${this.getNode().name}": delivery ${delivery.deliveryId} was already received by this trigger; nothing more runs for it`,
			);
			continue;
		}
		const aboutSession = codeSignalEvent(delivery.event)?.subject === 'testSession' && Boolean(delivery.testSessionId);
		if (!settings.readSession || !aboutSession) {
			output.push({ json: delivery as unknown as IDataObject, pairedItem: { item: itemIndex } });
			continue;
		}
		try {
			client ??= await codeSignalClient(this);
			const check = await checkSession(client, delivery, settings, itemIndex);
			if (!check.apiCheck.matchesEvent) {
				this.logger.warn(
					`CodeSignal Trigger "${this.getNode().name}": delivery ${delivery.deliveryId} is flagged: ${check.apiCheck.problem}`,
				);
			}
			output.push({ json: { ...delivery, ...check } as unknown as IDataObject, pairedItem: { item: itemIndex } });
		} catch (error) {
			// Not recorded: a retry of this execution must not be taken for a repeat.
			await forgetAcrossProcesses(this, state, key, maxInDatabase);
			const nodeError = toNodeError(this.getNode(), error, {
				itemIndex,
				consequence: `CodeSignal had its 200 for delivery ${delivery.deliveryId} and will not send it again: retry this execution once CodeSignal answers, or let the CodeSignal Results Trigger pick the result up.`,
			});
			if (!this.continueOnFail()) throw nodeError;
			output.push({ json: { ...delivery, error: nodeError.message } as unknown as IDataObject, pairedItem: { item: itemIndex } });
		}
	}
	return [output];
}
