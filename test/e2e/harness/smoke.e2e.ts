/**
 * Proves the real-n8n harness (scripts/n8n) with n8n's built-in nodes and a throw-away community package:
 * n8n 2.40.7 on Node 24 runs a published webhook workflow and keeps it active across a restart, and
 * n8n 1.123 on the system Node 20 loads the package.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
	findFreePort,
	importWorkflows,
	N8nInstance,
	N8nWorkflowFile,
	OwnerSession,
	ownerSession,
	publishWorkflow,
	startN8n,
} from '../../../scripts/n8n/instance';
import { ensureN8nRuntime, N8N_V1_VERSION, N8N_V2_VERSION } from '../../../scripts/n8n/runtime';
import { packProbePackage, PROBE_GRAPHQL_REQUEST_VERSION, PROBE_NODE_TYPE, PROBE_PACKAGE } from './probe-package';

const WEBHOOK_PATH = 'harness-smoke';

const webhookWorkflow: N8nWorkflowFile = {
	id: 'harnessSmokeWf01',
	name: 'Harness smoke: Webhook → NoOp',
	settings: { executionOrder: 'v1' },
	nodes: [
		{
			id: '7d1f4a52-0c3e-4d8e-9a61-2f0b5c9e1a01',
			name: 'Webhook',
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2,
			position: [0, 0],
			webhookId: '3c9b2e10-5f4a-4b7d-8e21-6a0d9f3c7b02',
			parameters: { httpMethod: 'POST', path: WEBHOOK_PATH, responseMode: 'onReceived', options: {} },
		},
		{
			id: '7d1f4a52-0c3e-4d8e-9a61-2f0b5c9e1a03',
			name: 'No Operation',
			type: 'n8n-nodes-base.noOp',
			typeVersion: 1,
			position: [220, 0],
			parameters: {},
		},
	],
	connections: { Webhook: { main: [[{ node: 'No Operation', type: 'main', index: 0 }]] } },
};

function freshUserFolder(): string {
	return mkdtempSync(join(tmpdir(), 'n8n-harness-smoke-'));
}

async function postToWebhook(n8n: N8nInstance, body: unknown): Promise<Response> {
	return fetch(`${n8n.baseUrl}/webhook/${WEBHOOK_PATH}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});
}

describe(`n8n ${N8N_V2_VERSION} (Node 24) with a community package`, () => {
	let n8n: N8nInstance;
	let session: OwnerSession;

	beforeAll(async () => {
		const runtime = await ensureN8nRuntime({ version: N8N_V2_VERSION });
		const userFolder = freshUserFolder();
		await importWorkflows({ runtime, userFolder }, [webhookWorkflow]);
		await publishWorkflow({ runtime, userFolder }, webhookWorkflow.id);
		n8n = await startN8n({
			runtime,
			userFolder,
			port: await findFreePort(5710),
			packageTarball: packProbePackage(userFolder),
			logFile: join(userFolder, 'n8n.log'),
		});
		session = await ownerSession(n8n);
	});

	afterAll(async () => {
		await n8n?.stop();
		if (n8n) rmSync(n8n.userFolder, { recursive: true, force: true });
	});

	it('runs the version it was asked for', async () => {
		const settings = await session.rest<{ versionCli: string }>('GET', '/settings');

		expect(settings.versionCli).toBe(N8N_V2_VERSION);
	});

	it('loads the installed package under its package name', async () => {
		expect(await session.nodeTypeNames()).toContain(PROBE_NODE_TYPE);
	});

	it('installs the package with its dependencies and their peers, leaving n8n-workflow to n8n', () => {
		const packageModules = join(n8n.userFolder, '.n8n', 'nodes', 'node_modules', PROBE_PACKAGE, 'node_modules');
		const installedVersion = (name: string) =>
			JSON.parse(readFileSync(join(packageModules, name, 'package.json'), 'utf8')).version as string;

		expect(installedVersion('graphql-request')).toBe(PROBE_GRAPHQL_REQUEST_VERSION);
		expect(installedVersion('graphql')).toMatch(/^16\./);
		expect(existsSync(join(packageModules, 'n8n-workflow'))).toBe(false);
	});

	it('runs the published workflow once for one webhook call', async () => {
		await session.waitUntilActive(webhookWorkflow.id);

		const response = await postToWebhook(n8n, { candidate: 'smoke' });

		expect(response.status).toBe(200);
		const executions = await session.waitForExecutions(webhookWorkflow.id, 1);
		expect(executions.map(({ mode, status }) => ({ mode, status }))).toEqual([{ mode: 'webhook', status: 'success' }]);
		expect(await session.countExecutions(webhookWorkflow.id)).toBe(1);
	});

	it('keeps the workflow active across a restart', async () => {
		const pidBefore = n8n.pid;

		await n8n.restart();
		const sessionAfterRestart = await ownerSession(n8n);
		await sessionAfterRestart.waitUntilActive(webhookWorkflow.id);
		const response = await postToWebhook(n8n, { candidate: 'after restart' });

		expect(n8n.pid).not.toBe(pidBefore);
		expect(response.status).toBe(200);
		expect(await sessionAfterRestart.waitForExecutions(webhookWorkflow.id, 2)).toHaveLength(2);
	});
});

describe(`n8n ${N8N_V1_VERSION} (system Node ${process.versions.node}) with a community package`, () => {
	let n8n: N8nInstance;

	beforeAll(async () => {
		const runtime = await ensureN8nRuntime({ version: N8N_V1_VERSION });
		const userFolder = freshUserFolder();
		n8n = await startN8n({
			runtime,
			userFolder,
			port: await findFreePort(5720),
			packageTarball: packProbePackage(userFolder),
			logFile: join(userFolder, 'n8n.log'),
		});
	});

	afterAll(async () => {
		await n8n?.stop();
		if (n8n) rmSync(n8n.userFolder, { recursive: true, force: true });
	});

	it('runs on the system Node and lists the package node among its node types', async () => {
		const session = await ownerSession(n8n);
		const settings = await session.rest<{ versionCli: string }>('GET', '/settings');

		expect(n8n.runtime.nodeBin).toBe(process.execPath);
		expect(settings.versionCli).toBe(N8N_V1_VERSION);
		expect(await session.nodeTypeNames()).toContain(PROBE_NODE_TYPE);
	});
});
