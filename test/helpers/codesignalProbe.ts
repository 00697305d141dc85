/**
 * A minimal node that runs whatever the test gives it inside a real n8n ExecuteContext with the
 * CodeSignal API credential, so transport tests exercise n8n's own request helpers.
 */
import type { ICredentialDataDecryptedObject, IExecuteFunctions, INodeType } from 'n8n-workflow';

import { CodeSignalApi } from '../../credentials/CodeSignalApi.credentials';
import { executeNode } from './n8n';

export async function inCodeSignalContext<T>(
	credentials: ICredentialDataDecryptedObject,
	run: (context: IExecuteFunctions) => Promise<T>,
): Promise<T> {
	let result: T | undefined;
	const probe: INodeType = {
		description: {
			displayName: 'CodeSignal Probe',
			name: 'codeSignalProbe',
			group: ['transform'],
			version: 1,
			description: 'Runs a test function',
			defaults: { name: 'CodeSignal Probe' },
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: 'codeSignalApi', required: true }],
			properties: [],
		},
		async execute(this: IExecuteFunctions) {
			result = await run(this);
			return [[{ json: {}, pairedItem: { item: 0 } }]];
		},
	};
	await executeNode({
		nodeType: probe,
		parameters: {},
		credentials: { codeSignalApi: credentials },
		credentialTypes: [new CodeSignalApi()],
	});
	return result as T;
}
