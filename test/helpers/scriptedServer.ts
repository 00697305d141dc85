/**
 * A loopback HTTP server that answers from a script, for tests that need exact statuses, headers, delays
 * or dropped connections, and that records what arrived (time, headers, body).
 */
import http from 'http';
import type { AddressInfo } from 'net';

export interface ScriptedAnswer {
	status?: number;
	headers?: Record<string, string>;
	body?: unknown;
	delayMs?: number;
	drop?: boolean;
}

export interface ArrivedRequest {
	at: number;
	headers: http.IncomingHttpHeaders;
	body: string;
}

export interface ScriptedServer {
	url: string;
	arrived: ArrivedRequest[];
	close(): Promise<void>;
}

/** `answer` is called for each request in turn; its index counts from 0. */
export async function startScriptedServer(
	answer: (index: number, request: ArrivedRequest) => ScriptedAnswer,
): Promise<ScriptedServer> {
	const arrived: ArrivedRequest[] = [];
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const request = { at: Date.now(), headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
			arrived.push(request);
			const planned = answer(arrived.length - 1, request);
			const respond = () => {
				if (planned.drop) {
					req.socket.destroy();
					return;
				}
				const body = typeof planned.body === 'string' ? planned.body : JSON.stringify(planned.body ?? {});
				res.writeHead(planned.status ?? 200, { 'content-type': 'application/json', ...planned.headers });
				res.end(body);
			};
			if (planned.delayMs) setTimeout(respond, planned.delayMs);
			else respond();
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/graphql`,
		arrived,
		close: async () => {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}
