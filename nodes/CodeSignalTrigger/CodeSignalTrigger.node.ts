import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { testCodeSignalCredential } from '../shared/codesignal/credentialTest';
import { confirmDeliveries } from './confirmDelivery';
import { properties, subtitle } from './description';
import { receiveDelivery } from './receiveDelivery';
import { webhookSetup } from './webhookSetup';

/**
 * Starts a workflow for each CodeSignal webhook delivery that is verified, selected and new. Two phases:
 * `webhook()` answers CodeSignal after checking the delivery (no API call), and `execute()`, the first step of
 * the execution, reads the session from the API and drops repeats that another n8n process received.
 */
export class CodeSignalTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'CodeSignal Trigger',
		name: 'codeSignalTrigger',
		icon: { light: 'file:codesignal.svg', dark: 'file:codesignal.dark.svg' },
		group: ['trigger'],
		// Version 2: n8n handles a version 1 webhook node as its Webhook v1 and evaluates that node's "binaryData"
		// expression on every request. Version 3: the session is read from the API by default.
		version: [1, 2, 3],
		defaultVersion: 3,
		subtitle,
		description: 'Starts the workflow when CodeSignal sends a verified webhook event',
		defaults: { name: 'CodeSignal Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'codeSignalApi', required: true, testedBy: 'codeSignalApiTest' }],
		webhooks: [
			// 'noData': a started execution is answered with an empty 200 (n8n's default body is the text "firstEntryJson").
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', responseData: 'noData', path: 'webhook' },
		],
		properties,
	};

	methods = { credentialTest: { codeSignalApiTest: testCodeSignalCredential } };

	webhookMethods = webhookSetup;

	webhook = receiveDelivery;

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await confirmDeliveries.call(this);
	}
}
