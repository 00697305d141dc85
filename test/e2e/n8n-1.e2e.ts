/**
 * The package also loads in the last n8n 1.x (1.123, on the system Node 20), installed as users install it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { findFreePort, N8nInstance, OwnerSession, ownerSession, startN8n } from '../../scripts/n8n/instance';
import { ensureN8nRuntime, N8N_V1_VERSION } from '../../scripts/n8n/runtime';
import { PACKAGE_NAME, packageTarball } from './support/package';

const NODES = ['codeSignal', 'codeSignalTrigger', 'codeSignalResultsTrigger', 'codeSignalScore', 'endorsed'];
const CREDENTIALS = ['codeSignalApi', 'endorsedApi'];

describe(`n8n ${N8N_V1_VERSION} (Node ${process.versions.node}) with the package`, () => {
	let n8n: N8nInstance;
	let session: OwnerSession;

	beforeAll(async () => {
		n8n = await startN8n({
			runtime: await ensureN8nRuntime({ version: N8N_V1_VERSION }),
			userFolder: mkdtempSync(join(tmpdir(), 'n8n-codesignal-e2e-v1-')),
			port: await findFreePort(5760),
			packageTarball: packageTarball(),
		});
		session = await ownerSession(n8n);
	});

	afterAll(async () => {
		await n8n?.stop();
		if (n8n) rmSync(n8n.userFolder, { recursive: true, force: true });
	});

	it('starts and lists every node of the package among its node types', async () => {
		expect(await session.nodeTypeNames()).toEqual(
			expect.arrayContaining(NODES.map((name) => `${PACKAGE_NAME}.${name}`)),
		);
	});

	it('lists both credentials of the package', async () => {
		const credentials = await session.getJson<Array<{ name: string }>>('/types/credentials.json');

		expect(credentials.map(({ name }) => name)).toEqual(expect.arrayContaining(CREDENTIALS));
	});
});
