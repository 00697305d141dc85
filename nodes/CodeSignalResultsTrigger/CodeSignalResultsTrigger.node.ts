import type { IDataObject, INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';

import { toNodeError } from '../shared/nodeErrors';
import { testCodeSignalCredential } from '../shared/codesignal/credentialTest';
import { normalizeSession, type RawSession } from '../shared/codesignal/sessions';
import { newSyncState, pollFinishedSessions } from './sync/engine';
import { paced } from './sync/pacing';
import { sampleResult } from './sync/sample';
import { codeSignalSyncSource } from './sync/source';
import { fromStoredSync, toStoredSync } from './sync/state';
import { getTests } from '../shared/codesignal/testSelection';
import { codeSignalClient, codeSignalConnection } from '../shared/codesignal/transport';
import { properties } from './description';
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
		icon: 'file:codesignal.svg',
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["tests"] === "selected" ? "Selected tests" : "All tests"}}',
		description: 'Polls CodeSignal for finished test results and emits each one exactly once, catching up after downtime',
		defaults: { name: 'CodeSignal Results Trigger' },
		polling: true,
		inputs: [],
		outputs: ['main'],
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
			const { requestsPerSecond } = await codeSignalConnection(this);
			const client = await codeSignalClient(this);
			const source = paced(codeSignalSyncSource(client, settings.detail, { deadline: startedAt + budgetMs }), requestsPerSecond);

			// "Fetch Test Event": a sample, and the saved position left alone.
			if (this.getMode() === 'manual') {
				const sample = await sampleResult(source, settings.testIds, settings.pageSize);
				return sample ? toItems([sample], settings) : null;
			}

			// n8n 2.x stages this object and saves it only once the returned items are handed over (or, with
			// none, after the poll); n8n 1.x keeps it in memory and saves it with the next execution. Either
			// way it is written once, below, after every read succeeded.
			const staticData = this.getWorkflowStaticData('node');
			let state = fromStoredSync(staticData.sync, settings.sinceSetting);
			if (!state) {
				state = newSyncState(settings.since ?? startedAt);
				if (settings.since === undefined) {
					staticData.sync = toStoredSync(state, settings.sinceSetting) as unknown as IDataObject;
					return null;
				}
			}
			const outcome = await pollFinishedSessions(source, state, {
				testIds: settings.testIds,
				maxItems: settings.maxItems,
				pageSize: settings.pageSize,
				deadline: startedAt + budgetMs * REQUEST_START_SHARE,
				includeNotVerified: settings.includeNotVerified,
				watchForMs: settings.watchForMs,
			});
			staticData.sync = toStoredSync(outcome.state, settings.sinceSetting) as unknown as IDataObject;
			return outcome.sessions.length > 0 ? toItems(outcome.sessions, settings) : null;
		} catch (error) {
			throw toNodeError(this.getNode(), error, {
				consequence:
					'Nothing was emitted and the saved position is unchanged: the next poll starts again from the same place.',
			});
		}
	}
}
