/**
 * The package as npm publishes it, checked against n8n's standard for community nodes: the tarball holds only
 * what n8n loads and declares no dependencies; `npm install --omit=dev` of the tarball alone into a clean n8n
 * user folder installs nothing else; n8n then knows every node and credential, and offers the action nodes
 * (not the triggers) to AI agents as tools.
 */
import { execFile, execFileSync } from 'node:child_process';
import { Dirent, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { promisify } from 'node:util';

import { findFreePort, N8nInstance, OwnerSession, ownerSession, startN8n } from '../../scripts/n8n/instance';
import { inheritedEnv } from '../../scripts/n8n/process';
import { ensureN8nRuntime, N8N_V2_VERSION } from '../../scripts/n8n/runtime';
import { PACKAGE_NAME, packageTarball } from './support/package';

const execFileAsync = promisify(execFile);

const NODES = ['codeSignal', 'codeSignalTrigger', 'codeSignalResultsTrigger', 'codeSignalScore', 'endorsed'];
const CREDENTIALS = ['codeSignalApi', 'endorsedApi'];
const TOOLS = ['codeSignalTool', 'endorsedTool', 'codeSignalScoreTool'];
const TRIGGERS = ['codeSignalTrigger', 'codeSignalResultsTrigger'];

/** What n8n loads (the bundle, the files package.json names, codex files, icons) and npm's own three. */
const RUNTIME_FILE =
	/^package\/(package\.json|README\.md|LICENSE|dist\/bundle\.js|dist\/.+\.(node|credentials)\.js|dist\/.+\.node\.json|dist\/.+\.svg)$/;

/** Every file of the tarball (paths inside it, `package/...`), unpacked into a temp folder. */
function unpacked(): { root: string; files: string[] } {
	const root = mkdtempSync(join(tmpdir(), 'n8n-codesignal-e2e-unpacked-'));
	execFileSync('tar', ['-xzf', packageTarball(), '-C', root]);
	const files = (readdirSync(root, { recursive: true, withFileTypes: true }) as Dirent[])
		.filter((entry) => entry.isFile())
		.map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'));
	return { root, files };
}

describe('the packed package', () => {
	let root: string;
	let files: string[];

	beforeAll(() => ({ root, files } = unpacked()));
	afterAll(() => rmSync(root, { recursive: true, force: true }));

	it('holds only what n8n loads: no source maps, typings or sources', () => {
		expect(files.filter((file) => !RUNTIME_FILE.test(file))).toEqual([]);
		expect(files).toEqual(
			expect.arrayContaining([
				'package/dist/bundle.js',
				'package/dist/nodes/CodeSignal/CodeSignal.node.js',
				'package/dist/nodes/CodeSignal/CodeSignal.node.json',
				'package/dist/nodes/CodeSignal/codesignal.svg',
				'package/dist/nodes/CodeSignal/codesignal.dark.svg',
			]),
		);
	});

	it('declares no dependencies, and n8n-workflow only as an optional peer', () => {
		const manifest = JSON.parse(readFileSync(join(root, 'package', 'package.json'), 'utf8'));

		expect(manifest.dependencies ?? {}).toEqual({});
		expect(manifest.peerDependencies).toEqual({ 'n8n-workflow': '*' });
		expect(manifest.peerDependenciesMeta).toEqual({ 'n8n-workflow': { optional: true } });
		expect(manifest.main).toBeUndefined();
	});

	it('requires nothing but n8n-workflow and Node built-ins, and reads no file or environment variable', () => {
		const code = files
			.filter((file) => file.endsWith('.js'))
			.map((file) => readFileSync(join(root, file), 'utf8'))
			.join('\n');
		const required = new Set([...code.matchAll(/require\((["'])([^"']+)\1\)/g)].map((match) => match[2]));

		expect([...required].filter((name) => !name.startsWith('.') && name !== 'n8n-workflow' && !isBuiltin(name))).toEqual([]);
		expect(code).not.toMatch(/readFileSync|readFile\(|__dirname|__filename|process\.env/);
	});
});

describe(`the tarball installed alone with npm install --omit=dev, in n8n ${N8N_V2_VERSION}`, () => {
	let n8n: N8nInstance;
	let session: OwnerSession;
	let nodesDir: string;

	beforeAll(async () => {
		const runtime = await ensureN8nRuntime({ version: N8N_V2_VERSION });
		const userFolder = mkdtempSync(join(tmpdir(), 'n8n-codesignal-e2e-packed-'));
		nodesDir = join(userFolder, '.n8n', 'nodes');
		mkdirSync(nodesDir, { recursive: true });
		writeFileSync(join(nodesDir, 'package.json'), JSON.stringify({ name: 'installed-nodes', private: true }));
		// As a self-hosting user would (README: Install in n8n); cwd outside the repo, so its .npmrc plays no part.
		await execFileAsync('npm', ['install', '--omit=dev', '--no-audit', '--no-fund', packageTarball()], {
			cwd: nodesDir,
			env: inheritedEnv(),
		});
		n8n = await startN8n({ runtime, userFolder, port: await findFreePort(6100) });
		session = await ownerSession(n8n);
	});

	afterAll(async () => {
		await n8n?.stop();
		if (n8n) rmSync(n8n.userFolder, { recursive: true, force: true });
	});

	it('installs no other package', () => {
		expect(readdirSync(join(nodesDir, 'node_modules')).filter((name) => !name.startsWith('.'))).toEqual([PACKAGE_NAME]);
	});

	it('makes every node type and both credentials known to n8n', async () => {
		const credentials = await session.getJson<Array<{ name: string }>>('/types/credentials.json');

		expect(await session.nodeTypeNames()).toEqual(expect.arrayContaining(NODES.map((name) => `${PACKAGE_NAME}.${name}`)));
		expect(credentials.map(({ name }) => name)).toEqual(expect.arrayContaining(CREDENTIALS));
	});

	it('offers the CodeSignal, CodeSignal Score and Endorsed nodes as AI-agent tools, and neither trigger', async () => {
		const types = await session.getJson<Array<{ name: string; displayName: string; outputs: unknown }>>(
			'/types/nodes.json',
		);
		const ours = types.filter(({ name }) => name.startsWith(`${PACKAGE_NAME}.`));
		const tools = ours.filter(({ name }) => name.endsWith('Tool'));

		expect(tools.map(({ name }) => name).sort()).toEqual(TOOLS.map((name) => `${PACKAGE_NAME}.${name}`).sort());
		expect(tools.map(({ displayName }) => displayName).sort()).toEqual([
			'CodeSignal Score Tool',
			'CodeSignal Tool',
			'Endorsed Tool',
		]);
		expect(tools.every(({ outputs }) => JSON.stringify(outputs) === JSON.stringify(['ai_tool']))).toBe(true);
		for (const trigger of TRIGGERS) {
			expect(ours.map(({ name }) => name)).toContain(`${PACKAGE_NAME}.${trigger}`);
			expect(ours.map(({ name }) => name)).not.toContain(`${PACKAGE_NAME}.${trigger}Tool`);
		}
	});
});
