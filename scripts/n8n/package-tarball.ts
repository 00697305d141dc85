/**
 * This repository's package as users get it from npm: `npm run build`, then `npm pack` into a folder
 * outside the repo. What the tarball holds is what package.json's `files` and `n8n` sections say.
 */
import { execFile } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

import { inheritedEnv } from './process';

const execFileAsync = promisify(execFile);

export const REPO_ROOT = resolve(__dirname, '..', '..');

/** Builds the package and packs it into `destination`; returns the tarball's path. */
export async function buildAndPackThisPackage(destination: string): Promise<string> {
	mkdirSync(destination, { recursive: true });
	await runNpm(['run', 'build'], 'npm run build');
	const { stdout } = await runNpm(['pack', '--silent', '--pack-destination', resolve(destination)], 'npm pack');
	return join(resolve(destination), stdout.trim().split('\n').pop() ?? '');
}

async function runNpm(args: string[], label: string): Promise<{ stdout: string }> {
	try {
		return await execFileAsync('npm', args, { cwd: REPO_ROOT, env: inheritedEnv(), maxBuffer: 16 * 1024 * 1024 });
	} catch (error) {
		const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
		throw new Error(`${label} failed:\n${`${stdout}\n${stderr}`.trim().slice(-4000)}`);
	}
}
