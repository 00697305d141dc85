import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
	IRun,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { toNodeError } from '../shared/nodeErrors';
import { testCodeSignalCredential } from '../shared/codesignal/credentialTest';
import { isoDate, normalizeSession, type RawSession } from '../shared/codesignal/sessions';
import { newSyncState, pollFinishedSessions } from './sync/engine';
import { sampleResult } from './sync/sample';
import { codeSignalSyncSource } from './sync/source';
import { handedOver, reconcile } from './sync/inFlight';
import { fromStoredSync, toStoredSync } from './sync/state';
import { MAX_HOLE_RECHECKS } from './sync/holes';
import { getTests } from '../shared/codesignal/testSelection';
import { codeSignalClient } from '../shared/codesignal/transport';
import { properties } from './description';
import { endedSoFar, followExecution, forgetEnded, PROCESS_RUN } from './executionTracker';
import { resultsTriggerSettings, type ResultsTriggerSettings } from './pollSettings';

/** n8n 1.x has no poll budget; n8n 2.x's own default is the same. */
const DEFAULT_POLL_BUDGET_MS = 5 * 60_000;
/** Share of the budget in which new requests may start; the rest lets the last ones (and retries) finish. */
const REQUEST_START_SHARE = 0.8;

function pollBudgetMs(context: IPollFunctions): number {
	return typeof context.getPollBudgetMs === 'function' ? context.getPollBudgetMs() : DEFAULT_POLL_BUDGET_MS;
}

function toItems(sessions: RawSession[], settings: ResultsTriggerSettings): INodeExecutionData[][] {
	const normalize = { detail: settings.detail, includeResultUrl: settings.includeResultUrl, timeZone: settings.timeZone };
	return [sessions.map((session) => ({ json: normalizeSession(session, normalize) as unknown as IDataObject }))];
}

export class CodeSignalResultsTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'CodeSignal Results Trigger',
		name: 'codeSignalResultsTrigger',
		icon: { light: 'file:codesignal.svg', dark: 'file:codesignal.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["tests"] === "selected" ? "Selected tests" : "All tests"}}',
		description: 'Polls CodeSignal for finished test results and emits each one exactly once, catching up after downtime',
		defaults: { name: 'CodeSignal Results Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'codeSignalApi', required: true, testedBy: 'codeSignalApiTest' }],
		properties,
	};

	methods = {
		credentialTest: { codeSignalApiTest: testCodeSignalCredential },
		loadOptions: { getTests },
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		try {
			const settings = resultsTriggerSettings(this);
			const startedAt = Date.now();
			const budgetMs = pollBudgetMs(this);
			const client = await codeSignalClient(this);
			// Paced by the transport, like every CodeSignal request of this process.
			const source = codeSignalSyncSource(client, settings.detail, { deadline: startedAt + budgetMs });

			// "Fetch Test Event": a sample, and the saved position left alone.
			if (this.getMode() === 'manual') {
				const sample = await sampleResult(source, settings.testIds, settings.pageSize);
				return sample ? toItems([sample], settings) : null;
			}

			// n8n 2.x stages this object and saves it when the items are handed over (or, with none, after the
			// poll); n8n 1.x saves it when the items are handed over. It is written once, below, after every read.
			const staticData = this.getWorkflowStaticData('node');
			let state = fromStoredSync(staticData.sync, settings.sinceSetting);
			if (!state) {
				state = newSyncState(settings.since ?? startedAt);
				if (settings.since === undefined) {
					staticData.sync = toStoredSync(state, settings.sinceSetting) as unknown as IDataObject;
					return null;
				}
			}
			const trigger = `${this.getWorkflow().id ?? ''}:${this.getNode().id}`;
			const ended = endedSoFar(trigger);
			const inFlight = reconcile(state.inFlight ?? [], ended, PROCESS_RUN, startedAt);
			for (const session of inFlight.givenUp) {
				this.logger.warn(
					`CodeSignal Results Trigger "${this.getNode().name}": session ${session.id} was handed to ${session.attempts} executions that did not end well; it is not handed over again`,
				);
			}
			const outcome = await pollFinishedSessions(
				source,
				state,
				{
					testIds: settings.testIds,
					maxItems: settings.maxItems,
					pageSize: settings.pageSize,
					deadline: startedAt + budgetMs * REQUEST_START_SHARE,
					includeNotVerified: settings.includeNotVerified,
					watchForMs: settings.watchForMs,
					lookBackMs: settings.lookBackMs,
					proctoredLookBackMs: settings.proctoredLookBackMs,
				},
				inFlight.retry,
			);
			if (outcome.nulls > 0) {
				this.logger.warn(
					`CodeSignal Results Trigger "${this.getNode().name}": CodeSignal returned ${outcome.nulls} empty (null) entries in its session lists; the next polls read where they were again`,
				);
			}
			for (const hole of outcome.givenUp) {
				this.logger.warn(
					`CodeSignal Results Trigger "${this.getNode().name}": CodeSignal kept returning null entries for sessions of test ${hole.testId} that finished between ${isoDate(hole.from, settings.timeZone)} and ${isoDate(hole.to, settings.timeZone)} (${MAX_HOLE_RECHECKS} polls); they are not read again: check them in CodeSignal, or use Test Session → Get Finished Between`,
				);
			}
			const emitted = outcome.sessions.map((session) => ({ id: session.id, testId: outcome.testIdOf.get(session.id) ?? '' }));
			const notReached = new Set(outcome.notReached.map((session) => session.id));
			outcome.state.inFlight = [
				...inFlight.keep,
				...inFlight.retry.filter((session) => notReached.has(session.id)),
				...handedOver(emitted, PROCESS_RUN, startedAt, inFlight.retry),
			];
			staticData.sync = toStoredSync(outcome.state, settings.sinceSetting) as unknown as IDataObject;
			forgetEnded(trigger, ended.keys());
			if (emitted.length === 0) return null;
			// Handed over with a promise n8n settles when the execution ends, so the next poll knows it did.
			const done = this.helpers.createDeferredPromise<IRun | undefined>();
			followExecution(trigger, emitted.map((session) => session.id), done.promise);
			this.__emit(toItems(outcome.sessions, settings), undefined, done);
			return null;
		} catch (error) {
			throw toNodeError(this.getNode(), error, {
				consequence:
					'Nothing was emitted and the saved position is unchanged: the next poll starts again from the same place.',
			});
		}
	}
}
