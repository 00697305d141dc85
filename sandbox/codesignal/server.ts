/** The HTTP side: routing, bodies, delayed and dropped answers, stats per response, request log. */
import http, { type IncomingMessage, type ServerResponse } from 'http';
import type { AddressInfo } from 'net';

import { CONTROL_PREFIX, handleControl, type ControlDependencies } from './controlRoutes';
import type { Answer, GraphqlEndpoint } from './graphqlEndpoint';
import type { StatsRecorder } from './stats';

const MAX_BODY_BYTES = 1024 * 1024;

export interface ServerDependencies {
	graphql: GraphqlEndpoint;
	control: ControlDependencies;
	stats: StatsRecorder;
	logRequests: boolean;
}

export interface RunningServer {
	url: string;
	close(): Promise<void>;
}

class BodyTooLarge extends Error {}

async function readBody(request: IncomingMessage): Promise<string> {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of request) {
		size += (chunk as Buffer).length;
		if (size > MAX_BODY_BYTES) throw new BodyTooLarge();
		chunks.push(chunk as Buffer);
	}
	return Buffer.concat(chunks).toString('utf8');
}

function isLoopback(address: string | undefined): boolean {
	return address === '::1' || /^(::ffff:)?127\./.test(address ?? '');
}

function jsonError(status: number, message: string, headers: Record<string, string> = {}): Answer {
	return {
		status,
		headers: { 'content-type': 'application/json', ...headers },
		body: JSON.stringify({ errors: [{ message }] }),
	};
}

export async function startServer(
	host: string,
	port: number,
	dependencies: ServerDependencies,
): Promise<RunningServer> {
	const { stats } = dependencies;
	/** Answers held back by injected slowness; released at once on close. */
	const delays = new Set<() => void>();

	async function delay(milliseconds: number): Promise<void> {
		await new Promise<void>((resolve) => {
			const release = () => {
				clearTimeout(timer);
				delays.delete(release);
				resolve();
			};
			const timer = setTimeout(release, milliseconds);
			delays.add(release);
		});
	}

	async function apiAnswer(request: IncomingMessage, path: string, body: string): Promise<Answer> {
		if (path !== '/graphql') return jsonError(404, `Not found: ${path}`);
		if (request.method !== 'POST') {
			return jsonError(405, 'Use POST for /graphql', { allow: 'POST' });
		}
		return await dependencies.graphql.handle(request.headers, body);
	}

	async function serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
		const started = Date.now();
		const path = new URL(request.url ?? '/', 'http://sandbox').pathname;
		const control = path.startsWith(CONTROL_PREFIX);
		if (!control) stats.request();
		let answer: Answer;
		try {
			const body = await readBody(request);
			if (control) {
				answer = isLoopback(request.socket.remoteAddress)
					? await handleControl(request.method ?? 'GET', path, body, dependencies.control)
					: jsonError(403, 'The sandbox control API only answers loopback clients');
			} else {
				answer = await apiAnswer(request, path, body);
			}
		} catch (error) {
			if (!(error instanceof BodyTooLarge)) {
				console.error('[codesignal-sandbox] internal error', error);
			}
			answer =
				error instanceof BodyTooLarge
					? jsonError(413, 'Request body too large')
					: jsonError(500, 'Internal sandbox error');
		}
		if (answer.delayMs) await delay(answer.delayMs);
		if (dependencies.logRequests) {
			const outcome = answer.drop ? 'dropped' : String(answer.status);
			const operation = answer.operationName ? ` ${answer.operationName}` : '';
			console.error(
				`[codesignal-sandbox] ${request.method} ${path} ${outcome}${operation} ${Date.now() - started}ms`,
			);
		}
		if (answer.drop) {
			request.socket.destroy();
			return;
		}
		if (!control) stats.status(answer.status);
		if (response.destroyed) return;
		response.writeHead(answer.status, answer.headers);
		response.end(answer.body);
	}

	const server = http.createServer((request, response) => void serve(request, response));
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => resolve());
	});
	const address = server.address() as AddressInfo;
	const hostForUrl = address.family === 'IPv6' ? `[${address.address}]` : address.address;
	return {
		url: `http://${hostForUrl}:${address.port}`,
		close: async () => {
			for (const release of [...delays]) release();
			await new Promise<void>((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			});
		},
	};
}
