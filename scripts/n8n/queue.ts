/**
 * n8n in queue mode on this machine, as it scales past one process: a main process (editor, API, triggers
 * and polling, no production executions), workers that run the executions, and webhook processes that
 * receive production webhook calls behind one round-robin proxy, sharing PostgreSQL, Redis, one encryption
 * key and the proxy's public URL. The community package is installed into every process as users install it,
 * and each process is checked to have loaded it.
 *
 * Ports, from `port` on: the proxy, then two per n8n process (main, webhook processes, workers): see
 * queuePortLayout.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import {
	N8nCredentialFile,
	N8nInstance,
	N8nWorkflowFile,
	OwnerAccount,
	OwnerSession,
	startN8n,
	webhookUrlVariable,
} from './instance';
import { launchN8nWithWorkflows } from './launch';
import { PhaseRunner, silentPhases } from './progress';
import { RoundRobinProxy, startRoundRobinProxy } from './proxy';
import {
	acquireQueueServices,
	QueueServices,
	QueueServiceSettings,
	queueServicesFromEnv,
	releaseQueueServices,
} from './queue-services';
import type { N8nRuntime } from './runtime';

export interface QueueDeploymentOptions {
	runtime: N8nRuntime;
	/** Each process gets its user folder (with its n8n.log) below this one: main/, worker-1/, webhook-1/... */
	folder: string;
	packageTarball: string;
	/** The first of the ports the deployment takes (see queuePorts): the proxy's, the public one. */
	port: number;
	workers?: number;
	webhookProcesses?: number;
	/** PostgreSQL and Redis; from DB_POSTGRESDB_* and QUEUE_BULL_REDIS_* (this machine's services by default). */
	services?: QueueServiceSettings;
	credentials?: N8nCredentialFile[];
	workflows?: N8nWorkflowFile[];
	/** Ids of the workflows the main process makes live. */
	activate?: string[];
	owner?: OwnerAccount;
	/** More environment for every process. */
	env?: Record<string, string>;
	shutdownTimeoutSeconds?: number;
	/** Reports each step; silent by default. */
	phase?: PhaseRunner;
	/** Told of each process as it starts and of the database and Redis db once claimed (to find leftovers later). */
	onStarted?: (started: { process: N8nInstance; label: string } | { services: QueueServices }) => void;
}

export interface QueueDeployment {
	/** The proxy: the editor, the APIs and the production webhook URLs. */
	publicUrl: string;
	proxy: RoundRobinProxy;
	main: N8nInstance;
	workers: N8nInstance[];
	webhookProcesses: N8nInstance[];
	/** An owner's session on the main process (n8n's REST and public APIs). */
	session: OwnerSession;
	services: QueueServices;
	/** Every n8n process, with the name the deployment gives it (main, worker 1, webhook 1...). */
	processes(): Array<{ label: string; process: N8nInstance }>;
	/** Stops every process and the proxy, drops the database it created and empties its Redis db index. */
	stop(): Promise<void>;
}

/** The port of each part of a deployment that starts at `port`: the proxy, then a pair per n8n process. */
export interface QueuePortLayout {
	proxy: number;
	main: number;
	webhookProcesses: number[];
	workers: number[];
}

export function queuePortLayout(port: number, workers: number, webhookProcesses: number): QueuePortLayout {
	const pairs = (first: number, count: number) => Array.from({ length: count }, (_, index) => first + 2 * index);
	return {
		proxy: port,
		main: port + 1,
		webhookProcesses: pairs(port + 3, webhookProcesses),
		workers: pairs(port + 3 + 2 * webhookProcesses, workers),
	};
}

/** Every port the deployment takes, and what takes it. */
export function queuePorts(layout: QueuePortLayout): Array<{ port: number; user: string }> {
	const pair = (port: number, name: string) => [
		{ port, user: name },
		{ port: port + 1, user: `the task-runner broker of ${name}` },
	];
	return [
		{ port: layout.proxy, user: 'the queue-mode proxy (the public URL)' },
		...pair(layout.main, 'the n8n main process'),
		...layout.webhookProcesses.flatMap((port, index) => pair(port, `n8n webhook process ${index + 1}`)),
		...layout.workers.flatMap((port, index) => pair(port, `the health check of n8n worker ${index + 1}`)),
	];
}

const DEFAULT_WORKERS = 2;
const DEFAULT_WEBHOOK_PROCESSES = 2;
/** What n8n's loader logs (at debug level) once it has loaded a community package. */
const PACKAGE_LOADED_LOG = 'Loaded all credentials and nodes from';

export async function startQueueDeployment(options: QueueDeploymentOptions): Promise<QueueDeployment> {
	const phase = options.phase ?? silentPhases;
	const settings = options.services ?? queueServicesFromEnv(process.env);
	const ports = queuePortLayout(
		options.port,
		options.workers ?? DEFAULT_WORKERS,
		options.webhookProcesses ?? DEFAULT_WEBHOOK_PROCESSES,
	);
	const publicUrl = `http://127.0.0.1:${ports.proxy}`;

	const services = await phase(
		`Creating a PostgreSQL database at ${settings.postgres.host}:${settings.postgres.port} and claiming a Redis db index`,
		() => acquireQueueServices(options.runtime, settings),
	);
	options.onStarted?.({ services });
	const started: Array<{ label: string; process: N8nInstance }> = [];
	let proxy: RoundRobinProxy | undefined;
	const stop = async () => {
		await proxy?.close();
		await Promise.allSettled(started.map(({ process }) => process.stop()));
		await releaseQueueServices(options.runtime, settings, services);
	};
	const track = (label: string, process: N8nInstance) => {
		started.push({ label, process });
		options.onStarted?.({ label, process });
		return process;
	};

	const shared = {
		...services.env,
		// One key for all: each process decrypts the credentials the others saved.
		N8N_ENCRYPTION_KEY: randomBytes(24).toString('hex'),
		// Without the public URL a webhook process computes its own, and signatures made for the public one fail.
		[webhookUrlVariable(options.runtime)]: `${publicUrl}/`,
		N8N_EDITOR_BASE_URL: `${publicUrl}/`,
		...options.env,
	};
	const processOptions = (folderName: string, env: Record<string, string> = {}) => ({
		runtime: options.runtime,
		userFolder: join(options.folder, folderName),
		packageTarball: options.packageTarball,
		shutdownTimeoutSeconds: options.shutdownTimeoutSeconds,
		env: { ...shared, ...env },
	});
	// Debug level, for the line that says the package loaded: workers and webhook processes serve no API to ask.
	const withLoadLog = { N8N_LOG_LEVEL: 'debug' };

	try {
		const { n8n: main, session } = await launchN8nWithWorkflows({
			...processOptions('main', { N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true' }),
			port: ports.main,
			credentials: options.credentials ?? [],
			workflows: options.workflows ?? [],
			activate: options.activate ?? [],
			owner: options.owner,
			phase,
			name: 'the main process',
		});
		track('main', main);

		const others = [
			...ports.webhookProcesses.map((port, index) => ({
				label: `webhook ${index + 1}`,
				start: { ...processOptions(`webhook-${index + 1}`, withLoadLog), role: 'webhook' as const, port },
			})),
			...ports.workers.map((port, index) => ({
				label: `worker ${index + 1}`,
				start: { ...processOptions(`worker-${index + 1}`, withLoadLog), role: 'worker' as const, port },
			})),
		];
		const names = `${ports.webhookProcesses.length} webhook processes and ${ports.workers.length} workers`;
		await phase(`Installing the package into ${names} and starting them`, async () => {
			// Settled, not all: a failure must not leave the other starts running untracked.
			const starts = await Promise.allSettled(others.map(async ({ label, start }) => track(label, await startN8n(start))));
			const failed = starts.find((result): result is PromiseRejectedResult => result.status === 'rejected');
			if (failed) throw failed.reason;
		});
		const byRole = (role: N8nInstance['role']) =>
			started.filter(({ process }) => process.role === role).map(({ process }) => process);
		proxy = await startRoundRobinProxy({
			port: ports.proxy,
			main: main.baseUrl,
			webhookProcesses: byRole('webhook').map((process) => process.baseUrl),
		});
		await phase('Checking that every process loaded the package', () => checkPackageLoaded(session, started));

		return {
			publicUrl,
			proxy,
			main,
			workers: byRole('worker'),
			webhookProcesses: byRole('webhook'),
			session,
			services,
			processes: () => [...started],
			stop,
		};
	} catch (error) {
		await stop();
		throw error;
	}
}

/**
 * The main process lists the package's node types; a worker or webhook process says in its log that it
 * loaded as many nodes and credentials as the package's manifest declares.
 */
async function checkPackageLoaded(
	session: OwnerSession,
	processes: Array<{ label: string; process: N8nInstance }>,
): Promise<void> {
	const failures: string[] = [];
	for (const { label, process } of processes) {
		const installed = process.installedPackage;
		if (!installed) throw new Error(`n8n ${label} was started without the package`);
		if (process.role === 'start') {
			const types = await session.nodeTypeNames();
			if (!types.some((type) => type.startsWith(`${installed.name}.`))) {
				failures.push(`the ${label} process lists no node of ${installed.name} (log: ${process.logFile})`);
			}
			continue;
		}
		const manifest = JSON.parse(readFileSync(join(installed.directory, 'package.json'), 'utf8')) as {
			n8n: { nodes?: string[]; credentials?: string[] };
		};
		const expected = `${PACKAGE_LOADED_LOG} ${installed.name}`;
		const line = process
			.logs()
			.split('\n')
			.find((logLine) => logLine.includes(expected));
		const counts = line?.match(/"credentials": (\d+), "nodes": (\d+)/);
		const declared = [manifest.n8n.credentials?.length ?? 0, manifest.n8n.nodes?.length ?? 0];
		if (!counts || Number(counts[1]) !== declared[0] || Number(counts[2]) !== declared[1]) {
			failures.push(
				`n8n ${label} did not load the ${declared[1]} nodes and ${declared[0]} credentials of ${installed.name} (${line?.trim() ?? 'no such log line'}; log: ${process.logFile})`,
			);
		}
	}
	if (failures.length > 0) throw new Error(`The package did not load everywhere:\n${failures.join('\n')}`);
}
