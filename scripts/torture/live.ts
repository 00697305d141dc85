/**
 * `npm run torture`: the live path under torture (issue 12), in a real n8n 2.40.7 with the package installed as
 * users install it, the live (01) and backfill (02) example workflows active, the sandboxes, and a CPU hog on
 * every core beside n8n. Sends a mix of deliveries (see liveTorture.ts), prints one table — per class the HTTP
 * statuses, the executions started and Endorsed's final state — and exits non-zero when a target is missed:
 * every valid finished session exactly once in Endorsed (one candidate, one report, one nomination), nothing
 * missing or duplicated, no execution for a refused delivery, the expected status for every class.
 *
 * Options: `--deliveries N` (default 1,000), `--concurrency N` (deliveries in flight, default 4), `--no-hog`,
 * `--queue` (2 webhook processes behind the round-robin proxy, 2 workers, PostgreSQL and Redis as
 * scripts/n8n/queue-services.ts takes them: DB_POSTGRESDB_* and QUEUE_BULL_REDIS_* are honoured), `--port N`
 * (the first port tried, default 6560), `--seed N` (the mix's order).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { buildAndPackThisPackage } from '../n8n/package-tarball';
import { N8N_V2_VERSION } from '../n8n/runtime';
import { ExampleWorld, startExampleWorld } from '../start/exampleWorld';
import { CpuHog, startCpuHog } from '../bench/cpuHog';
import { formatLiveTortureTable, liveTortureWorld, runLiveTorture } from './liveTorture';

interface TortureOptions {
	deliveries: number;
	concurrency: number;
	hog: boolean;
	queue: boolean;
	port: number;
	seed: number;
}

const QUEUE = { workers: 2, webhookProcesses: 2 };
const USAGE = 'use --deliveries N, --concurrency N, --no-hog, --queue, --port N, --seed N';

function parseOptions(args: string[]): TortureOptions {
	const options: TortureOptions = { deliveries: 1000, concurrency: 4, hog: true, queue: false, port: 6560, seed: 1 };
	const numbers = { '--deliveries': 'deliveries', '--concurrency': 'concurrency', '--port': 'port', '--seed': 'seed' } as const;
	const queue = args.flatMap((arg) => arg.split(/=(.*)/s).filter((part) => part !== ''));
	while (queue.length > 0) {
		const arg = queue.shift()!;
		if (arg === '--no-hog') options.hog = false;
		else if (arg === '--queue') options.queue = true;
		else if (arg in numbers) {
			const value = queue.shift() ?? '';
			if (!/^[1-9]\d*$/.test(value)) throw new Error(`${arg} needs a whole number above 0, not "${value}"`);
			options[numbers[arg as keyof typeof numbers]] = Number(value);
		} else throw new Error(`Unknown option ${arg}: ${USAGE}`);
	}
	return options;
}

const log = (line: string) => process.stderr.write(`${line}\n`);

/** Every n8n process's output in one file that outlives the run's folders. */
function saveN8nLogs(world: ExampleWorld, path: string): void {
	const processes = world.deployment?.processes() ?? [{ label: 'n8n', process: world.n8n }];
	writeFileSync(path, processes.map(({ label, process }) => `===== ${label} =====\n${process.logs()}`).join('\n'));
}

async function main(): Promise<number> {
	const options = parseOptions(process.argv.slice(2));
	// As npm start runs n8n 2.x.
	process.env.N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE ??= 'true';
	const packDir = mkdtempSync(join(tmpdir(), 'n8n-codesignal-torture-'));
	const logPath = join(tmpdir(), `n8n-codesignal-torture-live-${new Date().toISOString().replace(/[:.]/g, '-')}.log`);
	let world: ExampleWorld | undefined;
	let hog: CpuHog | undefined;
	try {
		log('Building and packing the package…');
		const packageTarball = await buildAndPackThisPackage(packDir);
		log(`Starting the sandboxes and n8n ${N8N_V2_VERSION}${options.queue ? ' in queue mode' : ''}…`);
		world = await startExampleWorld({
			...liveTortureWorld,
			packageTarball,
			port: options.port,
			...(options.queue ? { queue: QUEUE } : {}),
		});
		if (options.hog) hog = startCpuHog();
		log(`Sending ${options.deliveries} deliveries${hog ? `, ${hog.processes} processes spinning beside n8n` : ''}…`);
		const outcome = await runLiveTorture(world, { ...options, log });
		await hog?.stop();
		hog = undefined;

		const mode = options.queue
			? `queue mode (${QUEUE.webhookProcesses} webhook processes behind the round-robin proxy, ${QUEUE.workers} workers)`
			: 'one process';
		console.log(
			`n8n ${N8N_V2_VERSION}, ${mode}, live + backfill active, ${options.hog ? 'CPU hog on every core' : 'no CPU hog'}; ` +
				`${options.deliveries} deliveries, ${options.concurrency} in flight`,
		);
		console.log(formatLiveTortureTable(outcome));
		saveN8nLogs(world, logPath);
		console.log(`n8n log: ${logPath}`);
		for (const note of outcome.notes) console.log(`NOTE: ${note}`);
		for (const failure of outcome.failures) console.log(`FAIL: ${failure}`);
		console.log(outcome.failures.length === 0 ? 'PASS: every target met.' : `FAIL: ${outcome.failures.length} targets missed.`);
		return outcome.failures.length === 0 ? 0 : 1;
	} catch (error) {
		if (world) {
			saveN8nLogs(world, logPath);
			log(`n8n log: ${logPath}`);
		}
		throw error;
	} finally {
		await hog?.stop();
		await world?.close();
		rmSync(packDir, { recursive: true, force: true });
	}
}

main().then(
	(code) => process.exit(code),
	(error) => {
		console.error(error instanceof Error ? error.message : error);
		process.exit(1);
	},
);
