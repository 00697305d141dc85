/**
 * The one public address of a queue-mode deployment: production webhook calls (`/webhook/...`) go round
 * robin to the webhook processes, everything else (the editor, its push connection, the APIs, test webhooks)
 * to the main process. What the load balancer in front of a real deployment does, without sticky sessions.
 */
import { createServer, request, Server } from 'node:http';
import { connect, Socket } from 'node:net';

export interface RoundRobinProxy {
	url: string;
	port: number;
	/** The upstream (index into the webhook upstreams) each of the latest webhook calls went to, oldest first. */
	webhookRoutes(): Array<{ path: string; upstream: number }>;
	close(): Promise<void>;
}

export interface ProxyOptions {
	port: number;
	/** Origin of the main process, e.g. http://127.0.0.1:5680. */
	main: string;
	/** Origins of the webhook processes. */
	webhookProcesses: string[];
}

const WEBHOOK_PREFIX = '/webhook/';
/** Enough for any test; a long-running `npm start` keeps no more than this. */
const ROUTES_KEPT = 1000;

export async function startRoundRobinProxy(options: ProxyOptions): Promise<RoundRobinProxy> {
	if (options.webhookProcesses.length === 0) throw new Error('A proxy needs at least one webhook process');
	const routes: Array<{ path: string; upstream: number }> = [];
	let next = 0;
	const upstreamFor = (path: string): URL => {
		if (!path.startsWith(WEBHOOK_PREFIX)) return new URL(options.main);
		const upstream = next;
		next = (next + 1) % options.webhookProcesses.length;
		routes.push({ path, upstream });
		if (routes.length > ROUTES_KEPT) routes.shift();
		return new URL(options.webhookProcesses[upstream]);
	};

	const server = createServer((incoming, outgoing) => {
		const target = upstreamFor(incoming.url ?? '/');
		const forwarded = request(
			{
				host: target.hostname,
				port: target.port,
				method: incoming.method,
				path: incoming.url,
				headers: incoming.headers,
			},
			(answer) => {
				outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
				answer.pipe(outgoing);
			},
		);
		forwarded.on('error', (error) => {
			if (!outgoing.headersSent) outgoing.writeHead(502, { 'content-type': 'text/plain' });
			outgoing.end(`The proxy could not reach ${target.origin}: ${error.message}\n`);
		});
		incoming.pipe(forwarded);
	});
	// The editor's push connection (a WebSocket) goes to the main process as raw bytes after its upgrade request.
	const upgraded = new Set<Socket>();
	server.on('upgrade', (incoming, socket: Socket, head) => {
		upgraded.add(socket);
		socket.once('close', () => upgraded.delete(socket));
		const target = new URL(options.main);
		const upstream = connect(Number(target.port), target.hostname, () => {
			const headers = Object.entries(incoming.headers).flatMap(([name, value]) =>
				(Array.isArray(value) ? value : [value]).map((one) => `${name}: ${one}`),
			);
			upstream.write(`${incoming.method} ${incoming.url} HTTP/1.1\r\n${headers.join('\r\n')}\r\n\r\n`);
			upstream.write(head);
			socket.pipe(upstream).pipe(socket);
		});
		upstream.on('error', () => socket.destroy());
		socket.on('error', () => upstream.destroy());
	});

	await listen(server, options.port);
	return {
		url: `http://127.0.0.1:${options.port}`,
		port: options.port,
		webhookRoutes: () => routes.map((route) => ({ ...route })),
		close: () =>
			new Promise((resolveClose) => {
				for (const socket of upgraded) socket.destroy();
				server.closeAllConnections();
				server.close(() => resolveClose());
			}),
	};
}

function listen(server: Server, port: number): Promise<void> {
	return new Promise((resolveListen, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', () => {
			server.off('error', reject);
			resolveListen();
		});
	});
}
