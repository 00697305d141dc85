/**
 * Installs a packed community package into `<userFolder>/.n8n/nodes` the way Settings → Community Nodes
 * does (in 1.123 and 2.40 alike): unpack it into `nodes/node_modules/<name>`, drop its dev, peer and
 * optional dependencies from its manifest (n8n provides n8n-workflow itself; a second copy would break
 * `instanceof` checks on n8n's error classes), `npm install` its dependencies inside it (npm 7+ also
 * installs the peers of those dependencies, e.g. graphql for graphql-request) and record it in
 * `nodes/package.json`. n8n then loads it at start as `<package-name>.<nodeName>`.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

import { inheritedEnv, N8nSetup } from './process';

const execFileAsync = promisify(execFile);

/** The flags n8n itself installs a community package's dependencies with. */
const NPM_INSTALL_FLAGS = [
	'--audit=false',
	'--fund=false',
	'--bin-links=false',
	'--install-strategy=shallow',
	'--ignore-scripts=true',
	'--package-lock=false',
];

export interface InstalledPackage {
	name: string;
	version: string;
	/** Where n8n loads it from. */
	directory: string;
}

export async function installCommunityPackage(setup: N8nSetup, tarball: string): Promise<InstalledPackage> {
	const nodesDir = join(setup.userFolder, '.n8n', 'nodes');
	const packed = await execFileAsync('tar', ['-xzOf', resolve(tarball), 'package/package.json']);
	const { devDependencies, peerDependencies, optionalDependencies, ...manifest } = JSON.parse(packed.stdout);
	const { name, version } = manifest as { name: string; version: string };

	const directory = join(nodesDir, 'node_modules', name);
	rmSync(directory, { recursive: true, force: true });
	mkdirSync(directory, { recursive: true });
	await execFileAsync('tar', ['-xzf', resolve(tarball), '-C', directory, '--strip-components=1']);
	writeFileSync(join(directory, 'package.json'), JSON.stringify(manifest, null, 2));
	// cwd is inside the user folder, never the repo: the repo's .npmrc must not steer this install.
	await execFileAsync('npm', ['install', ...NPM_INSTALL_FLAGS], {
		cwd: directory,
		env: inheritedEnv(),
		maxBuffer: 16 * 1024 * 1024,
	});
	recordDependency(nodesDir, name, version);
	return { name, version, directory };
}

function recordDependency(nodesDir: string, name: string, version: string): void {
	const manifestPath = join(nodesDir, 'package.json');
	const manifest = existsSync(manifestPath) ? readJson(manifestPath) : { name: 'installed-nodes', private: true };
	const dependencies = { ...(manifest.dependencies as Record<string, string> | undefined), [name]: version };
	writeFileSync(manifestPath, JSON.stringify({ ...manifest, dependencies }, null, 2));
}

function readJson(path: string): Record<string, unknown> {
	return JSON.parse(readFileSync(path, 'utf8'));
}
