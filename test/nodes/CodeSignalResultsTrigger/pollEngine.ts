/**
 * Runs the CodeSignal Results Trigger the way n8n 2.40's poll tick engine does, against the sandbox:
 * each tick gets a fresh PollContext whose node static data is a staged copy of the committed cursor; the
 * copy is committed when the poll hands items to an execution (n8n creates the execution with it), or when
 * it emits nothing. The executions are the test's to end: well, badly, or never (n8n killed meanwhile), and
 * `restart()` is a new n8n process: executions that had not ended are gone with the old one.
 */
import type { IDataObject, INodeParameters, IRun } from 'n8n-workflow';

import { CodeSignalApi } from '../../../credentials/CodeSignalApi.credentials';
import type { CodeSignalResultsTrigger } from '../../../nodes/CodeSignalResultsTrigger/CodeSignalResultsTrigger.node';
import type { CodeSignalSandbox } from '../../../sandbox/codesignal';
import { pollContext } from '../../helpers/n8n';

/** How the execution a tick starts ends: well, badly, or not at all (n8n is killed while it runs). */
export type ExecutionFate = 'success' | 'error' | 'lost';

export interface TickOptions {
	mode?: 'manual' | 'trigger';
	/** false: n8n could not create the execution, so the cursor is not committed (the items are returned anyway). */
	handedOff?: boolean;
	/** Default: 'success' at once. */
	execution?: ExecutionFate;
	pollBudgetMs?: number;
}

/** A fresh copy of the node's module: a new n8n process, with nothing in memory from the old one. */
function loadTrigger(): CodeSignalResultsTrigger {
	let trigger: CodeSignalResultsTrigger | undefined;
	const load = () => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const module = require('../../../nodes/CodeSignalResultsTrigger/CodeSignalResultsTrigger.node');
		trigger = new module.CodeSignalResultsTrigger();
	};
	// Outside jest (bench:backfill runs each sync in a process of its own) there is no module registry to isolate.
	if (typeof jest === 'undefined') load();
	else jest.isolateModules(load);
	return trigger!;
}

export class PollEngine {
	/** The cursor as n8n's database holds it. */
	committed: IDataObject = {};

	trigger = loadTrigger();

	constructor(
		private readonly sandbox: Pick<CodeSignalSandbox, 'apiKey' | 'graphqlUrl'>,
		readonly parameters: INodeParameters,
		private readonly requestsPerSecond: number,
		readonly timezone = 'UTC',
	) {}

	/** n8n stops and starts again: executions still running are lost, the committed cursor stays. */
	restart(): void {
		this.trigger = loadTrigger();
	}

	/** One poll; the items it handed to an execution (or, in manual mode, returned), or null when none. */
	async tick(options: TickOptions = {}): Promise<IDataObject[] | null> {
		const mode = options.mode ?? 'trigger';
		let staged: IDataObject | undefined;
		let handedOver: IDataObject[] | null = null;
		const context = pollContext(
			{
				nodeType: this.trigger,
				parameters: this.parameters,
				credentials: {
					codeSignalApi: {
						apiKey: this.sandbox.apiKey,
						endpoint: this.sandbox.graphqlUrl,
						requestsPerSecond: this.requestsPerSecond,
					},
				},
				credentialTypes: [new CodeSignalApi()],
				timezone: this.timezone,
				workflowId: 'results-trigger-workflow',
			},
			mode,
			{
				runPoll: async (poll) => {
					staged = structuredClone(this.committed);
					return await poll();
				},
				resolveNodeStaticData: () => {
					if (!staged) throw new Error('The node read its static data outside of a poll');
					return staged;
				},
				emit: (data, _response, done) => {
					handedOver = data[0].map((item) => item.json);
					// n8n creates the execution and commits the cursor with it, or (failing to) neither.
					if (options.handedOff === false) {
						done?.resolve(undefined);
						return;
					}
					this.committed = structuredClone(staged!);
					const fate = options.execution ?? 'success';
					if (fate !== 'lost') done?.resolve({ status: fate } as IRun);
				},
				getPollBudgetMs: options.pollBudgetMs === undefined ? undefined : () => options.pollBudgetMs!,
			},
		);
		const response = await context.__runPoll!(async () => await this.trigger.poll.call(context));
		if (response) return response[0].map((item) => item.json);
		if (handedOver === null && mode === 'trigger') this.committed = staged!;
		// Let the execution's end reach the trigger, as n8n's promise would before the next poll.
		await new Promise((resolve) => setImmediate(resolve));
		return handedOver;
	}

	/** Polls until a poll emits nothing; every emitted item, in order. */
	async drain(options: TickOptions = {}, maxPolls = 50): Promise<IDataObject[]> {
		const emitted: IDataObject[] = [];
		for (let poll = 0; poll < maxPolls; poll++) {
			const items = await this.tick(options);
			if (!items) return emitted;
			emitted.push(...items);
		}
		throw new Error(`Still emitting after ${maxPolls} polls`);
	}
}

/** Ids that a complete sync since `since` must have emitted, from the sandbox's own records. */
export function readyIds(sandbox: CodeSignalSandbox, since: number, testIds?: string[]): string[] {
	return sandbox.store
		.tests()
		.filter((test) => !testIds || testIds.includes(test.id))
		.flatMap((test) => sandbox.store.listSessions(test.id))
		.filter(
			(session) =>
				session.finishDate !== null &&
				session.finishDate >= since &&
				!['deleted', 'deletedForPii'].includes(session.status) &&
				session.verificationStatus !== 'pending',
		)
		.map((session) => session.id)
		.sort();
}

export const idsOf = (items: IDataObject[]) => items.map((item) => item.id as string);
