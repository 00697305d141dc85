/**
 * Runs the package's nodes inside n8n-core's real execution contexts (ExecuteContext, PollContext,
 * WebhookContext, CredentialTestContext), so that parameters, credentials, httpRequestWithAuthentication
 * (axios, proxies, SSL options) and error handling are n8n's own. Only the credential store is ours:
 * it hands out the test's credential values and applies each credential type's `authenticate` and
 * `preAuthentication` the way n8n's CredentialsHelper does.
 */
import {
	CredentialTestContext,
	ExecuteContext,
	PollContext,
	WebhookContext,
} from 'n8n-core';
import {
	createRunExecutionData,
	ICredentialDataDecryptedObject,
	ICredentialType,
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IDataObject,
	IHttpRequestOptions,
	INode,
	INodeCredentialTestResult,
	INodeExecutionData,
	INodeType,
	INodeTypes,
	IPollFunctions,
	IWebhookData,
	IWebhookFunctions,
	IWorkflowExecuteAdditionalData,
	Workflow,
	type ICredentialsHelper,
	type IExecuteFunctions,
	type INodeParameters,
} from 'n8n-workflow';

export type CredentialValues = Record<string, ICredentialDataDecryptedObject>;

export interface NodeUnderTest {
	nodeType: INodeType;
	parameters: INodeParameters;
	credentials?: CredentialValues;
	credentialTypes?: ICredentialType[];
	continueOnFail?: boolean;
	staticData?: IDataObject;
	typeVersion?: number;
	name?: string;
}

/** Replaces `{{$credentials.x}}` in an `authenticate` template, as n8n's expression resolver does for these. */
function resolveCredentialTemplate(template: unknown, credentials: ICredentialDataDecryptedObject): unknown {
	if (typeof template !== 'string') return template;
	const body = template.startsWith('=') ? template.slice(1) : template;
	return body.replace(/\{\{\s*\$credentials\.(\w+)\s*\}\}/g, (_, key: string) => String(credentials[key] ?? ''));
}

function credentialsHelperFor(values: CredentialValues, types: ICredentialType[]): ICredentialsHelper {
	const typeByName = new Map(types.map((type) => [type.name, type]));
	const helper = {
		getParentTypes: () => [],
		isCredentialUsableByNode: () => true,
		async getDecrypted(_additionalData: unknown, nodeCredentials: { name?: string }, type: string) {
			const data = values[type];
			if (!data) throw new Error(`No test credentials of type "${type}" (${nodeCredentials?.name})`);
			return data;
		},
		async authenticate(
			credentials: ICredentialDataDecryptedObject,
			typeName: string,
			requestOptions: IHttpRequestOptions,
		) {
			const authenticate = typeByName.get(typeName)?.authenticate;
			if (!authenticate) return requestOptions;
			if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions);
			const headers = { ...(requestOptions.headers ?? {}) } as IDataObject;
			for (const [key, value] of Object.entries(authenticate.properties.headers ?? {})) {
				headers[key] = resolveCredentialTemplate(value, credentials) as string;
			}
			const qs = { ...(requestOptions.qs ?? {}) } as IDataObject;
			for (const [key, value] of Object.entries(authenticate.properties.qs ?? {})) {
				qs[key] = resolveCredentialTemplate(value, credentials) as string;
			}
			return { ...requestOptions, headers, qs };
		},
		async preAuthentication(
			helpers: { helpers: IExecuteFunctions['helpers'] },
			credentials: ICredentialDataDecryptedObject,
			typeName: string,
			_node: INode,
			credentialsExpired: boolean,
		) {
			const type = typeByName.get(typeName);
			if (!type?.preAuthentication) return undefined;
			const expirable = type.properties.find((property) => property.typeOptions?.expirable);
			if (!expirable) return undefined;
			if (credentials[expirable.name] && !credentialsExpired) return undefined;
			const output = await type.preAuthentication.call(helpers as never, credentials);
			Object.assign(values[typeName], output);
			return output;
		},
		async updateCredentials() {},
		async updateCredentialsOauthTokenData() {},
		getCredentialsProperties: (typeName: string) => typeByName.get(typeName)?.properties ?? [],
	};
	return helper as unknown as ICredentialsHelper;
}

function nodeTypesFor(nodeType: INodeType): INodeTypes {
	return {
		getByName: () => nodeType,
		getByNameAndVersion: () => nodeType,
		getKnownTypes: () => ({}),
	} as unknown as INodeTypes;
}

function setUp(spec: NodeUnderTest) {
	const { description } = spec.nodeType;
	const node: INode = {
		id: 'node-under-test',
		name: spec.name ?? description.displayName,
		type: `n8n-nodes-codesignal.${description.name}`,
		typeVersion: spec.typeVersion ?? (Array.isArray(description.version) ? Math.max(...description.version) : description.version),
		position: [0, 0],
		parameters: spec.parameters,
		credentials: Object.fromEntries(
			Object.keys(spec.credentials ?? {}).map((type) => [type, { id: `${type}-id`, name: `${type} (test)` }]),
		),
		onError: spec.continueOnFail ? 'continueRegularOutput' : 'stopWorkflow',
	};
	const workflow = new Workflow({
		id: 'workflow-under-test',
		name: 'Workflow under test',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: nodeTypesFor(spec.nodeType),
		staticData: spec.staticData ? { [`node:${node.name}`]: spec.staticData } : undefined,
		settings: {},
	});
	const additionalData = {
		credentialsHelper: credentialsHelperFor(spec.credentials ?? {}, spec.credentialTypes ?? []),
		restApiUrl: 'http://127.0.0.1:5678/rest',
		instanceBaseUrl: 'http://127.0.0.1:5678/',
		webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
		formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
		variables: {},
		currentNodeParameters: undefined,
		executionTimeoutTimestamp: undefined,
		userId: 'user-under-test',
		setExecutionStatus: () => {},
	} as unknown as IWorkflowExecuteAdditionalData;
	return { node, workflow, additionalData };
}

/** Runs `execute()` on the given input items and returns the node's outputs. */
export async function executeNode(spec: NodeUnderTest, items: INodeExecutionData[] = [{ json: {} }]) {
	const { node, workflow, additionalData } = setUp(spec);
	const execute = spec.nodeType.execute;
	if (!execute) throw new Error(`${node.type} has no execute()`);
	const executeData = { node, data: { main: [items] }, source: { main: [{ previousNode: 'Start' }] } };
	const context: IExecuteFunctions = new ExecuteContext(
		workflow,
		node,
		additionalData,
		'manual',
		createRunExecutionData(),
		0,
		items,
		{ main: [items] },
		executeData,
		[],
	);
	return (await execute.call(context)) as INodeExecutionData[][];
}

/** A poll context whose node static data persists in `staticData` between calls, as in production. */
export function pollContext(spec: NodeUnderTest, mode: 'manual' | 'trigger' = 'trigger'): IPollFunctions {
	const { node, workflow, additionalData } = setUp(spec);
	return new PollContext(workflow, node, additionalData, mode, 'activate') as IPollFunctions;
}

/** A webhook context over n8n's own WebhookContext; request and response objects come from the caller. */
export function webhookContext(
	spec: NodeUnderTest,
	http: { req: unknown; res: unknown },
	webhookPath = 'webhook',
): IWebhookFunctions {
	const { node, workflow, additionalData } = setUp(spec);
	const webhookData = {
		httpMethod: 'POST',
		node: node.name,
		path: webhookPath,
		webhookDescription: { name: 'default', httpMethod: 'POST', path: webhookPath, responseMode: 'onReceived' },
		workflowId: workflow.id,
		workflowExecuteAdditionalData: { ...additionalData, httpRequest: http.req, httpResponse: http.res },
	} as unknown as IWebhookData;
	return new WebhookContext(
		workflow,
		node,
		{ ...additionalData, httpRequest: http.req, httpResponse: http.res } as never,
		'webhook',
		webhookData,
		[],
		null,
	) as IWebhookFunctions;
}

/** Runs a node's credential test method the way n8n's credential tester does. */
export async function runCredentialTest(
	test: (this: ICredentialTestFunctions, credential: ICredentialsDecrypted) => Promise<INodeCredentialTestResult>,
	type: string,
	data: ICredentialDataDecryptedObject,
): Promise<INodeCredentialTestResult> {
	const context = new CredentialTestContext() as unknown as ICredentialTestFunctions;
	return await test.call(context, { id: 'credential-under-test', name: 'Test', type, data });
}
