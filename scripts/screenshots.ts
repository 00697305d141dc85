/**
 * `npm run screenshots`: the n8n canvas of each example workflow, as examples/screenshots/<example>.png.
 * Needs the n8n of `npm start` running, and Debian's chromium (`apt-get install -y chromium`). Drives it
 * headless with playwright-core, installed once into ~/.cache (it downloads no browser).
 *
 *   npm run screenshots [-- --url http://localhost:5678] [-- --chromium /usr/bin/chromium] [-- --example 05]
 *
 * `--example` shoots only the examples whose file name starts with it, leaving the other pictures as they are.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import { inheritedEnv } from './n8n/process';
import { defaultCacheDir } from './n8n/runtime';
import { EXAMPLES_DIR } from './start/examples';
import { DEFAULT_PORT, LOCAL_OWNER } from './start/local-instance';

const PLAYWRIGHT_VERSION = '1.65.1';
const VIEWPORT = { width: 1600, height: 900 };
/** What the brief for headless screenshots here asks of chromium: no sandbox (root), no network beyond n8n. */
const CHROMIUM_FLAGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
];
const SCREENSHOTS_DIR = join(EXAMPLES_DIR, 'screenshots');

/** The little of playwright-core's API used here (it is loaded at run time, from outside the repo). */
interface Page {
	goto(url: string): Promise<unknown>;
	locator(selector: string): { fill(value: string): Promise<void>; first(): { waitFor(): Promise<void> } };
	keyboard: { press(key: string): Promise<void> };
	waitForURL(match: (url: URL) => boolean): Promise<void>;
	waitForTimeout(ms: number): Promise<void>;
	screenshot(options: { path: string }): Promise<unknown>;
}
interface Playwright {
	chromium: {
		launchPersistentContext(
			userDataDir: string,
			options: Record<string, unknown>,
		): Promise<{ pages(): Page[]; newPage(): Promise<Page>; close(): Promise<void> }>;
	};
}

/** playwright-core is no dependency of the package: it lives in the cache, beside the n8n runtimes. */
function loadPlaywright(): Playwright {
	const prefix = join(defaultCacheDir(), `playwright-core-${PLAYWRIGHT_VERSION}`);
	const entry = join(prefix, 'node_modules', 'playwright-core');
	if (!existsSync(entry)) {
		process.stdout.write(`Installing playwright-core ${PLAYWRIGHT_VERSION} into ${prefix}\n`);
		mkdirSync(prefix, { recursive: true });
		execFileSync(
			'npm',
			['install', '--prefix', prefix, '--no-audit', '--no-fund', `playwright-core@${PLAYWRIGHT_VERSION}`],
			{ env: inheritedEnv(), stdio: 'inherit' },
		);
	}
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	return require(entry) as Playwright;
}

function exampleFiles(): Array<{ file: string; id: string; name: string }> {
	return readdirSync(EXAMPLES_DIR)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => {
			const { id, name } = JSON.parse(readFileSync(join(EXAMPLES_DIR, file), 'utf8')) as { id: string; name: string };
			return { file, id, name };
		});
}

async function main(): Promise<void> {
	const { values } = parseArgs({
		options: {
			url: { type: 'string', default: `http://localhost:${DEFAULT_PORT}` },
			chromium: { type: 'string', default: '/usr/bin/chromium' },
			example: { type: 'string', default: '' },
		},
	});
	const baseUrl = values.url.replace(/\/$/, '');
	if (!existsSync(values.chromium)) throw new Error(`No chromium at ${values.chromium}: apt-get install -y chromium`);
	const { chromium } = loadPlaywright();
	const userDataDir = mkdtempSync(join(tmpdir(), 'n8n-screenshots-chromium-'));
	const context = await chromium.launchPersistentContext(userDataDir, {
		executablePath: values.chromium,
		headless: true,
		args: CHROMIUM_FLAGS,
		viewport: VIEWPORT,
		deviceScaleFactor: 1,
	});
	try {
		const page = context.pages()[0] ?? (await context.newPage());
		await page.goto(`${baseUrl}/signin`);
		await page.locator('input[type="email"]').fill(LOCAL_OWNER.email);
		await page.locator('input[type="password"]').fill(LOCAL_OWNER.password);
		await page.keyboard.press('Enter');
		await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
		mkdirSync(SCREENSHOTS_DIR, { recursive: true });
		const examples = exampleFiles().filter((example) => example.file.startsWith(values.example));
		if (examples.length === 0) throw new Error(`No example file in ${EXAMPLES_DIR} starts with "${values.example}"`);
		for (const example of examples) {
			await page.goto(`${baseUrl}/workflow/${example.id}`);
			await page.locator('.vue-flow__node').first().waitFor();
			// "Zoom to fit", then let the canvas and the fonts settle.
			await page.keyboard.press('1');
			await page.waitForTimeout(1500);
			const path = join(SCREENSHOTS_DIR, example.file.replace(/\.json$/, '.png'));
			await page.screenshot({ path });
			process.stdout.write(`${example.name}: ${path}\n`);
		}
	} finally {
		await context.close();
		rmSync(userDataDir, { recursive: true, force: true });
	}
}

main().catch((error: Error) => {
	process.stderr.write(`npm run screenshots failed: ${error.message}\n(Is \`npm start\` running?)\n`);
	process.exit(1);
});
