/**
 * Runs the package's nodes inside n8n-core's real execution contexts (ExecuteContext, PollContext,
 * WebhookContext, CredentialTestContext), so that parameters, credentials, httpRequestWithAuthentication
 * (axios, proxies, SSL options) and error handling are n8n's own. Only the credential store is ours:
 * it hands out the test's credential values and applies each credential type's `authenticate` and
 * `preAuthentication` the way n8n's CredentialsHelper does.
 */
import { Logger } from '@n8n/backend-common';
import {
	CredentialTestContext,
	ExecuteContext,
	HookContext,
	LoadOptionsContext,
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
	IHookFunctions,
	IHttpRequestOptions,
	INode,
	ILoadOptionsFunctions,
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
	/** The workflow's time zone (Workflow settings); n8n's default otherwise. */
	timezone?: string;
	/** Webhook nodes: the id in their URLs (`<base>/webhook/<webhookId>/<path>`). */
	webhookId?: string;
	/** By default one id per static data object (or per spec without one): a workflow under test of its own. */
	workflowId?: string;
	/** Webhook nodes: 'manual' for a call to the test URL; 'webhook' (production) by default. */
	webhookMode?: 'webhook' | 'manual';
	/** How the execution was started, for execute(): 'manual' (the editor) by default. */
	executionMode?: 'manual' | 'webhook' | 'trigger';
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
			// As n8n does, fields the stored data lacks get their defaults (an unset expirable token is '').
			for (const property of typeByName.get(type)?.properties ?? []) {
				if (!(property.name in data)) data[property.name] = property.default as ICredentialDataDecryptedObject[string];
			}
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
			// The rules of n8n's CredentialsHelper.preAuthentication: only a hidden expirable field counts,
			// the hook runs when that field is empty ('') or the request answered 401, and its output is
			// stored (here: in the test's credential values, n8n's database) only if it sets that field.
			const type = typeByName.get(typeName);
			if (typeof type?.preAuthentication !== 'function') return undefined;
			const expirable = type.properties.find(
				(property) => property.type === 'hidden' && property.typeOptions?.expirable === true,
			);
			if (!expirable) return undefined;
			if (credentials[expirable.name] !== '' && !credentialsExpired) return undefined;
			const output = await type.preAuthentication.call(helpers as never, credentials);
			if (output[expirable.name] === undefined) return undefined;
			Object.assign(values[typeName], output);
			return Object.assign(credentials, output);
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

/**
 * One workflow id per workflow under test: specs sharing static data are the same workflow (as in n8n,
 * where static data belongs to a workflow), others are different workflows, so nothing a node keeps per
 * workflow in its process leaks from one test into the next.
 */
const workflowIds = new WeakMap<object, string>();
let workflowCount = 0;
function workflowIdFor(spec: NodeUnderTest): string {
	if (spec.workflowId !== undefined) return spec.workflowId;
	const identity = spec.staticData ?? spec;
	let id = workflowIds.get(identity);
	if (id === undefined) {
		id = `workflow-under-test-${++workflowCount}`;
		workflowIds.set(identity, id);
	}
	return id;
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
		webhookId: spec.webhookId,
	};
	const workflow = new Workflow({
		id: workflowIdFor(spec),
		name: 'Workflow under test',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: nodeTypesFor(spec.nodeType),
		staticData: spec.staticData ? { [`node:${node.name}`]: spec.staticData } : undefined,
		settings: spec.timezone ? { timezone: spec.timezone } : {},
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
		spec.executionMode ?? 'manual',
		createRunExecutionData(),
		0,
		items,
		{ main: [items] },
		executeData,
		[],
	);
	return (await execute.call(context)) as INodeExecutionData[][];
}

/**
 * What n8n's tick engine hands a PollContext besides the workflow (n8n 2.x): emit callbacks, the cursor
 * staging hooks (`__runPoll`, `__commitCursor`, `resolveNodeStaticData`) and the poll's time budget.
 * Unset ones keep n8n-core's defaults.
 */
export interface PollEngineHooks {
	emit?: IPollFunctions['__emit'];
	emitError?: IPollFunctions['__emitError'];
	commitCursor?: () => Promise<void>;
	runPoll?: <T>(poll: () => Promise<T>) => Promise<T>;
	resolveNodeStaticData?: () => IDataObject;
	getPollBudgetMs?: () => number;
}

/** A poll context whose node static data persists in `staticData` between calls, as in production. */
export function pollContext(
	spec: NodeUnderTest,
	mode: 'manual' | 'trigger' = 'trigger',
	hooks: PollEngineHooks = {},
): IPollFunctions {
	const { node, workflow, additionalData } = setUp(spec);
	return new PollContext(
		workflow,
		node,
		additionalData,
		mode,
		'activate',
		hooks.emit,
		hooks.emitError,
		hooks.commitCursor,
		hooks.runPoll,
		hooks.resolveNodeStaticData,
		hooks.getPollBudgetMs,
	) as IPollFunctions;
}

/** The context of a pick list (listSearch / loadOptions methods) for the node's current parameters. */
export function loadOptionsContext(spec: NodeUnderTest): ILoadOptionsFunctions {
	const { node, workflow, additionalData } = setUp(spec);
	return new LoadOptionsContext(workflow, node, additionalData, 'parameters') as ILoadOptionsFunctions;
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
		spec.webhookMode ?? 'webhook',
		webhookData,
		[],
		null,
	) as IWebhookFunctions;
}

/** The context of a webhook node's `webhookMethods` (checkExists, create, delete) at activation. */
export function hookContext(spec: NodeUnderTest, options: { isTest?: boolean } = {}): IHookFunctions {
	const { node, workflow, additionalData } = setUp(spec);
	const webhookData = {
		httpMethod: 'POST',
		node: node.name,
		path: 'webhook',
		webhookDescription: spec.nodeType.description.webhooks?.[0],
		workflowId: workflow.id,
		workflowExecuteAdditionalData: additionalData,
		isTest: options.isTest,
	} as unknown as IWebhookData;
	return new HookContext(workflow, node, additionalData, options.isTest ? 'manual' : 'trigger', 'activate', webhookData);
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

/**
 * What n8n's credential tester does for a credential with a declarative `test` request: run
 * `preAuthentication` (always, when testing), apply `authenticate`, send the request. n8n reports the
 * credential as working when the request succeeds; this resolves with the answer to check.
 */
export async function runCredentialTestRequest(
	type: ICredentialType,
	data: ICredentialDataDecryptedObject,
): Promise<{ statusCode: number; body: unknown }> {
	const request = type.test?.request;
	if (!request) throw new Error(`${type.name} has no test request`);
	const values: CredentialValues = { [type.name]: { ...data } };
	const credentialsHelper = credentialsHelperFor(values, [type]);
	let answer: { statusCode: number; body: unknown } | undefined;
	const probe: INodeType = {
		description: {
			displayName: 'Credential Tester',
			name: 'credentialTester',
			group: [],
			version: 1,
			description: '',
			defaults: {},
			inputs: [],
			outputs: [],
			properties: [],
		},
		async execute(this: IExecuteFunctions) {
			const credentials = await credentialsHelper.getDecrypted({} as never, { id: null, name: type.name }, type.name, 'manual');
			if (typeof type.preAuthentication === 'function') {
				Object.assign(credentials, await type.preAuthentication.call({ helpers: this.helpers }, credentials));
			}
			const resolve = (value: unknown) => resolveCredentialTemplate(value, credentials) as string | undefined;
			const options = await credentialsHelper.authenticate(credentials, type.name, {
				method: request.method ?? 'GET',
				baseURL: resolve(request.baseURL),
				url: resolve(request.url) ?? '',
				qs: request.qs,
				headers: request.headers as IDataObject | undefined,
				json: true,
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
			});
			answer = (await this.helpers.httpRequest(options)) as typeof answer;
			return [[]];
		},
	};
	await executeNode({ nodeType: probe, parameters: {} });
	return answer as { statusCode: number; body: unknown };
}

export interface LoggedLine {
	level: 'error' | 'warn' | 'info' | 'debug';
	message: string;
	metadata: unknown;
}

/** Records what nodes log through n8n's Logger (`this.logger`) instead of printing it, until `restore()`. */
export function recordLogs(): { lines: LoggedLine[]; restore: () => void } {
	const lines: LoggedLine[] = [];
	const spies = (['error', 'warn', 'info', 'debug'] as const).map((level) =>
		jest.spyOn(Logger.prototype, level).mockImplementation((message: string, metadata?: unknown) => {
			lines.push({ level, message, metadata });
		}),
	);
	return { lines, restore: () => spies.forEach((spy) => spy.mockRestore()) };
}
