/**
 * Workflows and credentials put into n8n's database through its own CLI, so that ids (and with them
 * webhook URLs) are fixed. The CLI opens the database itself and a running server would not notice the
 * changes: given a running instance, these helpers stop it, run the command and start it again
 * (to run several commands with one restart: `stop()` the instance, pass it, then `restart()` it).
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { N8nInstance } from './instance';
import { N8nSetup, runN8nCli } from './process';

/** A workflow as `n8n import:workflow` reads it: give it a fixed `id`, and each webhook node a fixed `webhookId`. */
export interface N8nWorkflowFile {
	id: string;
	name: string;
	nodes: Array<Record<string, unknown>>;
	connections: Record<string, unknown>;
	settings?: Record<string, unknown>;
	[key: string]: unknown;
}

/** A credential as `n8n import:credentials` reads it: plain `data` is encrypted on import. */
export interface N8nCredentialFile {
	id: string;
	name: string;
	type: string;
	data: Record<string, unknown>;
}

export async function importWorkflows(target: N8nSetup | N8nInstance, workflows: N8nWorkflowFile[]): Promise<void> {
	await withServerStopped(target, () => importFile(target, 'import:workflow', workflows));
}

export async function importCredentials(
	target: N8nSetup | N8nInstance,
	credentials: N8nCredentialFile[],
): Promise<void> {
	await withServerStopped(target, () => importFile(target, 'import:credentials', credentials));
}

/** Makes the workflow's current version live: 2.x publishes it, 1.x marks it active. */
export async function publishWorkflow(target: N8nSetup | N8nInstance, workflowId: string): Promise<void> {
	await withServerStopped(target, async () => {
		if (target.runtime.major >= 2) {
			await runN8nCli(target, ['publish:workflow', `--id=${workflowId}`]);
			return;
		}
		await runN8nCli(target, ['update:workflow', `--id=${workflowId}`, '--active=true']);
		// 1.x's update:workflow succeeds quietly for an id it does not know.
		const activeIds = (await runN8nCli(target, ['list:workflow', '--active=true', '--onlyId'])).split(/\s+/);
		if (!activeIds.includes(workflowId)) throw new Error(`n8n has no workflow ${workflowId} to activate`);
	});
}

async function importFile(setup: N8nSetup, command: string, content: unknown[]): Promise<void> {
	// Inside the user folder and readable only by us: credential files carry secrets.
	mkdirSync(setup.userFolder, { recursive: true });
	const file = join(setup.userFolder, `${command.replace(':', '-')}-${randomUUID()}.json`);
	writeFileSync(file, JSON.stringify(content), { mode: 0o600 });
	try {
		await runN8nCli(setup, [command, `--input=${file}`]);
	} finally {
		rmSync(file, { force: true });
	}
}

async function withServerStopped(target: N8nSetup | N8nInstance, run: () => Promise<unknown>): Promise<void> {
	const server = 'running' in target && target.running ? target : undefined;
	await server?.stop();
	try {
		await run();
	} finally {
		await server?.restart();
	}
}
