/** Runs the CodeSignal node in n8n's real contexts against a CodeSignal sandbox. */
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { CodeSignalApi } from '../../../credentials/CodeSignalApi.credentials';
import { CodeSignal } from '../../../nodes/CodeSignal/CodeSignal.node';
import { startCodeSignalSandbox, type CodeSignalSandbox, type CodeSignalSandboxOptions } from '../../../sandbox/codesignal';
import { executeNode, loadOptionsContext } from '../../helpers/n8n';

export const TIME_ZONE = 'Europe/Berlin';

/** A sandbox whose rate limit does not slow the tests down (the rate limit is the benchmark's business). */
export async function startSandbox(options: CodeSignalSandboxOptions = {}): Promise<CodeSignalSandbox> {
	return await startCodeSignalSandbox({ rateLimit: { perSecond: 1000 }, ...options });
}

export function credentialsFor(sandbox: CodeSignalSandbox) {
	return { apiKey: sandbox.apiKey, endpoint: sandbox.graphqlUrl, requestsPerSecond: 100, webhookSecret: '', organizationId: '' };
}

export interface RunOptions {
	items?: INodeExecutionData[];
	continueOnFail?: boolean;
}

/** The node's only output. */
export async function runNode(
	sandbox: CodeSignalSandbox,
	parameters: INodeParameters,
	options: RunOptions = {},
): Promise<INodeExecutionData[]> {
	const [output] = await executeNode(
		{
			nodeType: new CodeSignal(),
			parameters,
			credentials: { codeSignalApi: credentialsFor(sandbox) },
			credentialTypes: [new CodeSignalApi()],
			continueOnFail: options.continueOnFail,
			timezone: TIME_ZONE,
		},
		options.items,
	);
	return output;
}

/** The json of every output item. */
export async function runJson(sandbox: CodeSignalSandbox, parameters: INodeParameters, options: RunOptions = {}) {
	return (await runNode(sandbox, parameters, options)).map((item) => item.json as IDataObject & Record<string, any>);
}

/** What the node reports when it fails (the error n8n would show). */
export async function runError(sandbox: CodeSignalSandbox, parameters: INodeParameters, options: RunOptions = {}) {
	try {
		await runNode(sandbox, parameters, options);
	} catch (error) {
		return error as Error & { description?: string; context?: { itemIndex?: number } };
	}
	throw new Error('The node did not fail');
}

export function pickListContext(sandbox: CodeSignalSandbox, parameters: INodeParameters = {}) {
	return loadOptionsContext({
		nodeType: new CodeSignal(),
		parameters,
		credentials: { codeSignalApi: credentialsFor(sandbox) },
		credentialTypes: [new CodeSignalApi()],
	});
}

/** A resource locator value chosen "By ID". */
export const byId = (value: string) => ({ __rl: true, mode: 'id', value });

export const items = (count: number): INodeExecutionData[] => Array.from({ length: count }, (_, index) => ({ json: { index } }));
