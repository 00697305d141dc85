/**
 * n8n's HTTP side of a webhook call, for webhook nodes under test, around n8n-core's real WebhookContext:
 * - the request as n8n hands it to `webhook()`: an express request after n8n's raw-body reader and its body
 *   parsing (which depends on the node's typeVersion and the content type; a JSON body n8n cannot parse gets
 *   n8n's own 422 before the node runs);
 * - an express-like response that records what the node sends (and fails on a second answer, as express does);
 * - n8n's answer from what `webhook()` returns (responseMode onReceived): the node's own answer when it says
 *   `noWebhookResponse`, 200 with `webhookResponse` when no workflow runs, 200 as `responseData` says when one does.
 * `callWebhook` takes a described request; `startWebhookServer` puts the same handling behind a loopback server.
 */
import { EventEmitter } from 'events';
import http from 'http';
import type { AddressInfo } from 'net';
import type { INodeExecutionData, IWebhookResponseData } from 'n8n-workflow';
import { parse as parseQueryString } from 'querystring';

import { webhookContext, type NodeUnderTest } from './n8n';

/** n8n's default N8N_PAYLOAD_SIZE_MAX (MiB). */
const PAYLOAD_SIZE_MAX_MIB = 16;

export type Headers = Record<string, string | string[] | undefined>;

interface IncomingCall {
	method: string;
	url: string;
	headers: Headers;
	readBody(): Promise<Buffer>;
}

/** What n8n's express request carries for a webhook node. */
export interface N8nWebhookRequest {
	method: string;
	url: string;
	headers: Headers;
	params: Record<string, string>;
	query: Record<string, unknown>;
	body: unknown;
	contentType?: string;
	encoding: BufferEncoding;
	rawBody?: Buffer;
	_body: boolean;
	readRawBody(): Promise<void>;
}

class UnprocessableBody extends Error {}

const PARSED_TYPES = ['application/json', 'text/plain', 'application/x-www-form-urlencoded'];

/** n8n's rawBodyReader: content type and charset from the header, and a lazy, size-limited body read. */
function readerFor(call: IncomingCall): N8nWebhookRequest {
	const [type, ...parameters] = String(call.headers['content-type'] ?? '').split(';');
	const charset = parameters.map((p) => p.trim().split('=')).find(([key]) => key.toLowerCase() === 'charset');
	const pathAndQuery = call.url.split('?');
	const req: N8nWebhookRequest = {
		method: call.method,
		url: call.url,
		headers: call.headers,
		params: {},
		query: parseQueryString(pathAndQuery[1] ?? ''),
		body: undefined,
		contentType: type.trim() === '' ? undefined : type.trim().toLowerCase(),
		encoding: (charset?.[1]?.toLowerCase() ?? 'utf-8') as BufferEncoding,
		_body: false,
		async readRawBody() {
			if (req.rawBody) return;
			const body = await call.readBody();
			if (body.length > PAYLOAD_SIZE_MAX_MIB * 1024 * 1024) {
				throw Object.assign(new Error('request entity too large'), { type: 'entity.too.large', status: 413 });
			}
			req.rawBody = body;
			req._body = true;
		},
	};
	return req;
}

/** n8n's parseRequestBody + parseBody (XML bodies are left as text: no node here reads XML). */
async function parseAsN8nDoes(req: N8nWebhookRequest, typeVersion: number): Promise<void> {
	if (req.contentType === 'multipart/form-data') {
		// n8n's form-data parser consumes the stream into fields; the raw bytes are gone.
		req.body = {};
		req.readRawBody = async () => {
			throw new Error('stream is not readable');
		};
		return;
	}
	const parsable =
		req.contentType !== undefined &&
		(PARSED_TYPES.some((type) => req.contentType!.startsWith(type)) || /[/+]xml$/.test(req.contentType));
	if (typeVersion === 1 || parsable) {
		await req.readRawBody();
		const text = req.rawBody!.toString(req.encoding);
		if (req.rawBody!.length > 0) {
			if (req.contentType === 'application/json') {
				try {
					req.body = JSON.parse(text);
				} catch (error) {
					throw new UnprocessableBody((error as Error).message);
				}
			} else if (req.contentType === 'application/x-www-form-urlencoded') {
				req.body = parseQueryString(text);
			} else if (req.contentType === 'text/plain' || req.contentType?.endsWith('xml')) {
				req.body = text;
			}
		}
	}
	req.body ??= {};
}

/** The parts of express's response a node uses; a second answer throws, as express does. */
export class RecordingResponse extends EventEmitter {
	statusCode = 200;

	headers: Record<string, string> = {};

	/** The bytes sent; undefined until the response ends. */
	sentBody: Buffer | undefined;

	constructor(private readonly onEnd: (response: RecordingResponse) => void = () => {}) {
		super();
	}

	get headersSent() {
		return this.sentBody !== undefined;
	}

	get writableEnded() {
		return this.sentBody !== undefined;
	}

	status(code: number) {
		this.statusCode = code;
		return this;
	}

	setHeader(name: string, value: string) {
		this.headers[name.toLowerCase()] = value;
		return this;
	}

	set(name: string, value: string) {
		return this.setHeader(name, value);
	}

	header(name: string, value: string) {
		return this.setHeader(name, value);
	}

	getHeader(name: string) {
		return this.headers[name.toLowerCase()];
	}

	type(contentType: string) {
		return this.setHeader('content-type', contentType);
	}

	json(value: unknown) {
		this.headers['content-type'] ??= 'application/json; charset=utf-8';
		return this.end(JSON.stringify(value));
	}

	send(value?: unknown) {
		if (Buffer.isBuffer(value) || typeof value === 'string' || value === undefined) {
			if (typeof value === 'string') this.headers['content-type'] ??= 'text/html; charset=utf-8';
			return this.end(value);
		}
		return this.json(value);
	}

	end(chunk?: string | Buffer) {
		if (this.sentBody !== undefined) {
			throw Object.assign(new Error('Cannot set headers after they are sent to the client'), {
				code: 'ERR_HTTP_HEADERS_SENT',
			});
		}
		this.sentBody = chunk === undefined ? Buffer.alloc(0) : Buffer.from(chunk);
		this.onEnd(this);
		// As node's http.ServerResponse: listeners learn that the answer is out, and which one it was.
		this.emit('finish');
		return this;
	}

	/** The body as JSON when it is JSON, as text otherwise. */
	get body(): unknown {
		const text = this.sentBody?.toString('utf8') ?? '';
		try {
			return JSON.parse(text);
		} catch {
			return text;
		}
	}
}

export interface WebhookCallOutcome {
	status: number;
	body: unknown;
	/** The items n8n starts the workflow with; undefined when no execution starts. */
	workflowData?: INodeExecutionData[][];
	/** What `webhook()` returned; undefined when n8n answered before calling it, or when it threw. */
	result?: IWebhookResponseData;
	/** `webhook()` threw: n8n answers 500 and fires the error workflow. */
	error?: Error;
}

/**
 * n8n's answer once an execution has started in onReceived mode: the webhook description's `responseData`
 * (n8n defaults it to 'firstEntryJson' and sends that text), nothing for 'noData', else the node's
 * `webhookResponse` or "Workflow was started".
 */
function onReceivedBody(spec: NodeUnderTest, result: IWebhookResponseData): unknown {
	const responseData = spec.nodeType.description.webhooks?.[0]?.responseData ?? 'firstEntryJson';
	if (responseData === 'noData') return undefined;
	if (responseData) return responseData;
	return result.webhookResponse !== undefined ? result.webhookResponse : { message: 'Workflow was started' };
}

interface HandleOptions {
	/** n8n cannot start the execution (its database or queue is down): it answers 500 instead of 200. */
	startFails?: boolean;
}

async function handle(
	spec: NodeUnderTest,
	call: IncomingCall,
	res: RecordingResponse,
	options: HandleOptions = {},
): Promise<WebhookCallOutcome> {
	const typeVersion = spec.typeVersion ?? 1;
	const req = readerFor(call);
	try {
		await parseAsN8nDoes(req, typeVersion);
	} catch (error) {
		if (!(error instanceof UnprocessableBody)) throw error;
		res.status(422).json({ code: 422, message: 'Failed to parse request body', hint: error.message });
		return { status: 422, body: res.body };
	}

	const webhook = spec.nodeType.webhook;
	if (!webhook) throw new Error(`${spec.nodeType.description.name} has no webhook()`);
	let result: IWebhookResponseData;
	try {
		result = await webhook.call(webhookContext(spec, { req, res }));
	} catch (error) {
		if (!res.headersSent) {
			res.status(500).json({ code: 0, message: 'Workflow Webhook Error: Workflow could not be started!' });
		}
		return { status: res.statusCode, body: res.body, error: error as Error };
	}

	if (result.noWebhookResponse) {
		if (!res.headersSent) throw new Error('webhook() returned noWebhookResponse without answering: the caller would hang');
	} else if (result.workflowData === undefined) {
		res.status(200).json(result.webhookResponse !== undefined ? result.webhookResponse : { message: 'Webhook call received' });
	} else if (options.startFails) {
		res.status(500).json({ code: 0, message: 'Workflow Webhook Error: Workflow could not be started!' });
		return { status: res.statusCode, body: res.body, result };
	} else {
		const body = onReceivedBody(spec, result);
		if (body === undefined) res.status(200).end();
		else if (typeof body === 'string') res.status(200).send(body);
		else res.status(200).json(body);
	}
	return { status: res.statusCode, body: res.body, workflowData: result.workflowData, result };
}

export interface WebhookRequestInit {
	/** An object is sent as JSON. */
	body?: string | Buffer | object;
	/** Header names in any case (n8n sees them lower-cased); content-length is added unless given. */
	headers?: Record<string, string>;
	method?: string;
	url?: string;
	/** n8n fails to start the execution after webhook() returned it (answers 500). */
	startFails?: boolean;
}

/** One call to the node's `webhook()` as n8n makes it for the described request. */
export async function callWebhook(spec: NodeUnderTest, init: WebhookRequestInit = {}): Promise<WebhookCallOutcome> {
	const body =
		init.body === undefined
			? Buffer.alloc(0)
			: Buffer.isBuffer(init.body)
				? init.body
				: Buffer.from(typeof init.body === 'string' ? init.body : JSON.stringify(init.body));
	const headers: Headers = { 'content-length': String(body.length) };
	for (const [name, value] of Object.entries(init.headers ?? {})) headers[name.toLowerCase()] = value;
	const call: IncomingCall = {
		method: init.method ?? 'POST',
		url: init.url ?? '/webhook',
		headers,
		readBody: async () => body,
	};
	return await handle(spec, call, new RecordingResponse(), { startFails: init.startFails });
}

export interface WebhookServer {
	/** http://127.0.0.1:PORT/webhook/<webhookId>/webhook (any path reaches the node). */
	url: string;
	calls: WebhookCallOutcome[];
	close(): Promise<void>;
}

function readStream(message: http.IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		message.on('data', (chunk: Buffer) => chunks.push(chunk));
		message.on('end', () => resolve(Buffer.concat(chunks)));
		message.on('error', reject);
	});
}

/** A loopback HTTP server that hands every request to the node's `webhook()` as n8n does. */
export async function startWebhookServer(spec: NodeUnderTest): Promise<WebhookServer> {
	const calls: WebhookCallOutcome[] = [];
	const server = http.createServer((message, response) => {
		const res = new RecordingResponse((sent) => {
			response.writeHead(sent.statusCode, sent.headers);
			response.end(sent.sentBody);
		});
		const call: IncomingCall = {
			method: message.method ?? 'GET',
			url: message.url ?? '/',
			headers: message.headers,
			readBody: () => readStream(message),
		};
		handle(spec, call, res).then(
			(outcome) => calls.push(outcome),
			(error: Error) => {
				calls.push({ status: 500, body: error.message, error });
				if (!res.headersSent) res.status(500).json({ message: error.message });
			},
		);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/webhook/${spec.webhookId ?? 'node-under-test'}/webhook`,
		calls,
		close: async () => {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}
