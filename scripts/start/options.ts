/** `npm start`'s options: command-line flags, each with an environment variable that it wins over. */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

import { DEFAULT_PORT, LOCAL_USER_FOLDER } from './local-instance';

export interface StartOptions {
	/** One n8n process, or n8n's queue mode (main, workers, webhook processes behind a proxy). */
	queue: boolean;
	workers: number;
	webhookProcesses: number;
	/** Starts from an empty n8n: n8n's data in the data folder is deleted first. */
	fresh: boolean;
	/** n8n's port (it also takes the next one); in queue mode the proxy's, the first of a block. */
	port: number;
	codeSignalSandboxPort: number;
	endorsedSandboxPort: number;
	/** n8n's user folder in single-process mode; the run's log and record live here in both modes. */
	dataFolder: string;
	help: boolean;
}

/** What each port option is called, for messages that tell how to move a port. */
export const PORT_OPTIONS = {
	port: '--port or N8N_PORT',
	codeSignalSandboxPort: '--codesignal-sandbox-port or CODESIGNAL_SANDBOX_PORT',
	endorsedSandboxPort: '--endorsed-sandbox-port or ENDORSED_SANDBOX_PORT',
} as const;

export const USAGE = `Usage: npm start [-- options]
  --port N                       n8n's port, default 5678 (n8n also takes N+1; env N8N_PORT)
  --codesignal-sandbox-port N    default 4100 (env CODESIGNAL_SANDBOX_PORT)
  --endorsed-sandbox-port N      default 4200 (env ENDORSED_SANDBOX_PORT)
  --fresh                        start from an empty n8n (deletes n8n's data in the data folder first)
  --data-folder DIR              default .n8n-local in the repository
  --queue                        n8n's queue mode: a main process, workers and webhook processes behind a
                                 proxy on --port, with PostgreSQL (DB_POSTGRESDB_*) and Redis (QUEUE_BULL_REDIS_*)
  --workers N, --webhook-processes N   in queue mode, default 2 each`;

export class UsageError extends Error {}

export function parseStartOptions(argv: string[], env: NodeJS.ProcessEnv): StartOptions {
	let values;
	try {
		({ values } = parseArgs({
			args: argv,
			options: {
				queue: { type: 'boolean', default: false },
				workers: { type: 'string', default: '2' },
				'webhook-processes': { type: 'string', default: '2' },
				fresh: { type: 'boolean', default: false },
				port: { type: 'string', default: env.N8N_PORT || String(DEFAULT_PORT) },
				'codesignal-sandbox-port': { type: 'string', default: env.CODESIGNAL_SANDBOX_PORT || '4100' },
				'endorsed-sandbox-port': { type: 'string', default: env.ENDORSED_SANDBOX_PORT || '4200' },
				'data-folder': { type: 'string', default: LOCAL_USER_FOLDER },
				help: { type: 'boolean', short: 'h', default: false },
			},
		}));
	} catch (error) {
		throw new UsageError((error as Error).message);
	}
	return {
		queue: values.queue,
		workers: count('--workers', values.workers),
		webhookProcesses: count('--webhook-processes', values['webhook-processes']),
		fresh: values.fresh,
		port: port(PORT_OPTIONS.port, values.port),
		codeSignalSandboxPort: port(PORT_OPTIONS.codeSignalSandboxPort, values['codesignal-sandbox-port']),
		endorsedSandboxPort: port(PORT_OPTIONS.endorsedSandboxPort, values['endorsed-sandbox-port']),
		dataFolder: resolve(values['data-folder']),
		help: values.help,
	};
}

function port(name: string, value: string): number {
	const number = Number(value);
	if (!Number.isInteger(number) || number < 1 || number > 65534) {
		throw new UsageError(`${name} must be a port number from 1 to 65534, not "${value}"`);
	}
	return number;
}

function count(name: string, value: string): number {
	const number = Number(value);
	if (!Number.isInteger(number) || number < 1 || number > 8) {
		throw new UsageError(`${name} must be a whole number from 1 to 8, not "${value}"`);
	}
	return number;
}
