/**
 * Once per end-to-end run: the n8n runtimes (installed into ~/.cache on the first run, minutes) and this
 * package, built and packed as npm would publish it. The suites read the tarball's path from the environment.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { buildAndPackThisPackage } from '../../scripts/n8n/package-tarball';
import { ensureN8nRuntime, installProgress, N8N_V1_VERSION, N8N_V2_VERSION } from '../../scripts/n8n/runtime';
import { PACKAGE_TARBALL_VARIABLE } from './support/package';

export default async function globalSetup(): Promise<void> {
	// As npm start runs n8n 2.x (issue 19): nothing in the package may need an expression in the webhook phase.
	// n8n 1.x does not know the variable.
	process.env.N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE ??= 'true';
	const progress = installProgress();
	for (const version of [N8N_V2_VERSION, N8N_V1_VERSION]) {
		await ensureN8nRuntime({ version, output: progress.log, phase: progress.phase });
	}
	const packDir = mkdtempSync(join(tmpdir(), 'n8n-nodes-codesignal-e2e-'));
	process.env[PACKAGE_TARBALL_VARIABLE] = await buildAndPackThisPackage(packDir);
}
