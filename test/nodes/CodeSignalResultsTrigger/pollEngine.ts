/**
 * Runs the CodeSignal Results Trigger the way n8n 2.40's poll tick engine does, against the sandbox:
 * each tick gets a fresh PollContext (as after a restart) whose node static data is a staged copy of the
 * committed cursor; the copy is committed only when the poll emitted nothing, or once its items were
 * handed over to an execution. A poll that throws, or whose hand-off fails, commits nothing.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { CodeSignalApi } from '../../../credentials/CodeSignalApi.credentials';
import { CodeSignalResultsTrigger } from '../../../nodes/CodeSignalResultsTrigger/CodeSignalResultsTrigger.node';
import type { CodeSignalSandbox } from '../../../sandbox/codesignal';
import { pollContext } from '../../helpers/n8n';

export interface TickOptions {
	mode?: 'manual' | 'trigger';
	/** false: the execution could not be created, so the cursor is not committed. */
	handedOff?: boolean;
	pollBudgetMs?: number;
}

export class PollEngine {
	/** The cursor as n8n's database holds it. */
	committed: IDataObject = {};

	readonly trigger = new CodeSignalResultsTrigger();

	constructor(
		private readonly sandbox: Pick<CodeSignalSandbox, 'apiKey' | 'graphqlUrl'>,
		readonly parameters: INodeParameters,
		private readonly requestsPerSecond: number,
		readonly timezone = 'UTC',
	) {}

	/** One poll; the emitted items' JSON, or null when the poll emitted nothing. */
	async tick(options: TickOptions = {}): Promise<IDataObject[] | null> {
		const mode = options.mode ?? 'trigger';
		let staged: IDataObject | undefined;
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
				getPollBudgetMs: options.pollBudgetMs === undefined ? undefined : () => options.pollBudgetMs!,
			},
		);
		const response = await context.__runPoll!(async () => await this.trigger.poll.call(context));
		if (mode === 'trigger' && (response === null || options.handedOff !== false)) this.committed = staged!;
		return response ? response[0].map((item) => item.json) : null;
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
