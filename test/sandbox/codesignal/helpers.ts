/** Shared helpers for the CodeSignal sandbox tests: GraphQL calls over HTTP and a scriptable webhook receiver. */
import http, { type IncomingHttpHeaders } from 'http';
import type { AddressInfo } from 'net';

import type { CodeSignalSandbox } from '../../../sandbox/codesignal';

export interface GraphqlAnswer {
	status: number;
	headers: Headers;
	/** Parsed JSON, or the raw text when the answer is not JSON. */
	body: any;
}

export interface GraphqlCallOptions {
	/** Another key, or null to send no Authorization header. */
	apiKey?: string | null;
	operationName?: string;
}

export async function graphql(
	sandbox: Pick<CodeSignalSandbox, 'graphqlUrl' | 'apiKey'>,
	query: string,
	variables: Record<string, unknown> = {},
	options: GraphqlCallOptions = {},
): Promise<GraphqlAnswer> {
	const apiKey = options.apiKey === undefined ? sandbox.apiKey : options.apiKey;
	const response = await fetch(sandbox.graphqlUrl, {
		method: 'POST',
		headers: {
			'content-type': 'application/json',
			...(apiKey === null ? {} : { authorization: `Bearer ${apiKey}` }),
		},
		body: JSON.stringify({ query, variables, operationName: options.operationName }),
	});
	const text = await response.text();
	const isJson = response.headers.get('content-type')?.includes('application/json');
	return {
		status: response.status,
		headers: response.headers,
		body: isJson ? JSON.parse(text) : text,
	};
}

/** Data of a successful call; fails the test with the errors otherwise. */
export async function data(
	sandbox: Pick<CodeSignalSandbox, 'graphqlUrl' | 'apiKey'>,
	query: string,
	variables: Record<string, unknown> = {},
): Promise<any> {
	const answer = await graphql(sandbox, query, variables);
	if (answer.status !== 200 || answer.body.errors) {
		throw new Error(`GraphQL call failed (${answer.status}): ${JSON.stringify(answer.body)}`);
	}
	return answer.body.data;
}

/** The first error message of a GraphQL answer. */
export function firstError(answer: GraphqlAnswer): string {
	return answer.body.errors?.[0]?.message;
}

export interface ReceivedRequest {
	method: string;
	headers: IncomingHttpHeaders;
	body: string;
	receivedAt: number;
}

export interface Receiver {
	url: string;
	requests: ReceivedRequest[];
	close(): Promise<void>;
}

/** A webhook endpoint answering with `statusFor(n)` for its n-th request (0-based). */
export async function startReceiver(
	statusFor: (index: number) => number = () => 200,
): Promise<Receiver> {
	const requests: ReceivedRequest[] = [];
	const server = http.createServer((request, response) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			const index = requests.length;
			requests.push({
				method: request.method ?? '',
				headers: request.headers,
				body: Buffer.concat(chunks).toString('utf8'),
				receivedAt: Date.now(),
			});
			response.writeHead(statusFor(index), { 'content-type': 'text/plain' });
			response.end('ok');
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/hooks/codesignal`,
		requests,
		close: async () => await new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

export const sleep = async (milliseconds: number) =>
	await new Promise((resolve) => setTimeout(resolve, milliseconds));
