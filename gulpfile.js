/**
 * The build: what n8n loads, and nothing else (no maps, no typings, no dependencies left to install).
 *
 * - bundle: one CommonJS bundle (dist/bundle.js) of every node and credential of package.json's `n8n` section,
 *   with graphql-request, the parts of graphql the nodes use, luxon and CodeSignal's schema (as text) inside.
 *   One bundle, not one per node: module state (the rate limiter a credential's nodes share, a trigger's
 *   memory of deliveries) must exist once per n8n process, as it did with one module per source file.
 *   n8n-workflow stays outside: n8n provides it, and a second copy would break its `instanceof` checks.
 * - entries: the files package.json names, each re-exporting its class from the bundle (n8n requires the file
 *   and takes the export named after it).
 * - assets: icons and codex files beside the entry they belong to.
 */
const { existsSync, mkdirSync, rmSync, writeFileSync } = require('node:fs');
const path = require('node:path');
const { build } = require('esbuild');
const { task, src, dest, parallel, series } = require('gulp');

const manifest = require('./package.json');

const DIST = path.resolve('dist');
const BUNDLE = path.join(DIST, 'bundle.js');

/** package.json's `n8n.nodes` and `n8n.credentials`: the dist file, its source and the class n8n takes from it. */
function entries() {
	return [...manifest.n8n.nodes, ...manifest.n8n.credentials].map((distFile) => {
		const source = distFile.replace(/^dist\//, '').replace(/\.js$/, '.ts');
		if (!existsSync(source)) throw new Error(`package.json names ${distFile}, but ${source} does not exist`);
		return { distFile: path.resolve(distFile), source, className: path.basename(source).split('.')[0] };
	});
}

function clean(done) {
	rmSync(DIST, { recursive: true, force: true });
	done();
}

async function bundle() {
	const contents = entries()
		.map(({ source, className }) => `export { ${className} } from './${source.replace(/\.ts$/, '')}';`)
		.join('\n');
	await build({
		stdin: { contents, resolveDir: __dirname, sourcefile: 'n8n-entries.ts', loader: 'ts' },
		outfile: BUNDLE,
		bundle: true,
		platform: 'node',
		format: 'cjs',
		target: 'node20',
		external: ['n8n-workflow'],
		// graphql's ES modules (its `module` field), so that only the parts the nodes use are bundled.
		mainFields: ['module', 'main'],
		loader: { '.graphql': 'text' },
		// graphql checks NODE_ENV and graphql-request DEBUG at run time: fixed here, nothing reads the environment.
		define: { 'process.env.NODE_ENV': '"production"', 'globalThis.process': 'true', 'process.env': '{}' },
		legalComments: 'none',
		sourcemap: false,
		logLevel: 'warning',
	});
}

function writeEntries(done) {
	for (const { distFile, className } of entries()) {
		const bundlePath = path.relative(path.dirname(distFile), BUNDLE).split(path.sep).join('/');
		const specifier = bundlePath.startsWith('.') ? bundlePath : `./${bundlePath}`;
		mkdirSync(path.dirname(distFile), { recursive: true });
		writeFileSync(distFile, `'use strict';\nmodule.exports = { ${className}: require('${specifier}').${className} };\n`);
	}
	done();
}

function copyAssets() {
	return src(['nodes/**/*.{png,svg}', 'nodes/**/*.node.json', 'credentials/**/*.{png,svg}'], {
		encoding: false,
		base: '.',
	}).pipe(dest(DIST));
}

task('build', series(clean, parallel(bundle, writeEntries, copyAssets)));
