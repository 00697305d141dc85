/**
 * This repository's package as users get it from npm: `npm run build`, then `npm pack` into a folder
 * outside the repo. What the tarball holds is what package.json's `files` and `n8n` sections say.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { runCommand } from './process';
import type { OutputSink } from './progress';

export const REPO_ROOT = resolve(__dirname, '..', '..');

/** Builds the package and packs it into `destination`; returns the tarball's path. */
export async function buildAndPackThisPackage(destination: string, output?: OutputSink): Promise<string> {
	mkdirSync(destination, { recursive: true });
	await runCommand('npm', ['run', 'build'], { cwd: REPO_ROOT, label: 'npm run build', output });
	// --silent: the tarball's name is then all that npm pack prints on stdout.
	const packed = await runCommand('npm', ['pack', '--silent', '--pack-destination', resolve(destination)], {
		cwd: REPO_ROOT,
		label: 'npm pack',
		output,
	});
	return join(resolve(destination), packed.trim().split('\n').pop() ?? '');
}
