import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

import { testCodeSignalCredential } from '../shared/codesignal/credentialTest';
import { properties } from './description';
import { receiveDelivery } from './receiveDelivery';
import { webhookSetup } from './webhookSetup';

export class CodeSignalTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'CodeSignal Trigger',
		name: 'codeSignalTrigger',
		icon: 'file:codesignal.svg',
		group: ['trigger'],
		// Version 2 changes nothing in the node. n8n handles a version 1 webhook node as its Webhook v1: on every
		// request it evaluates an expression for that node's "binaryData" option, which costs more than verifying
		// the delivery; from version 2 on it reads the body by its content type, which receiveDelivery handles.
		version: [1, 2],
		defaultVersion: 2,
		subtitle: '={{$parameter["events"].concat($parameter["legacyEvents"]).join(", ")}}',
		description: 'Starts the workflow when CodeSignal sends a verified webhook event',
		defaults: { name: 'CodeSignal Trigger' },
		inputs: [],
		outputs: ['main'],
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
}
