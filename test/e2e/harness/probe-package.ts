/**
 * A throw-away community package, written and packed in a temp folder the test provides, to prove that the
 * harness installs packages as n8n users get them. Its node loads graphql-request (a dependency) and graphql
 * (that library's peer). n8n puts its own node_modules on NODE_PATH, where both also are, so a package
 * loads even when they are missing from its own folder: the smoke test looks there for them.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const PROBE_PACKAGE = 'n8n-nodes-harness-probe';
export const PROBE_NODE_TYPE = `${PROBE_PACKAGE}.harnessProbe`;
export const PROBE_GRAPHQL_REQUEST_VERSION = '7.4.0';

const NODE_SOURCE = `'use strict';
const { gql } = require('graphql-request');
const { print } = require('graphql');

class HarnessProbe {
	constructor() {
		this.description = {
			displayName: 'Harness Probe',
			name: 'harnessProbe',
			group: ['transform'],
			version: 1,
			description: 'Proves that a community package and its dependencies load',
			defaults: { name: 'Harness Probe' },
			inputs: ['main'],
			outputs: ['main'],
			properties: [],
		};
	}

	async execute() {
		const query = print(gql\`{ probe }\`);
		return [this.getInputData().map((item, index) => ({ json: { ...item.json, query }, pairedItem: { item: index } }))];
	}
}

module.exports = { HarnessProbe };
`;

/** Writes the package into `<parentDir>/<package name>` and returns the path of its `npm pack` tarball. */
export function packProbePackage(parentDir: string): string {
	const root = join(parentDir, PROBE_PACKAGE);
	const nodeDir = join(root, 'dist', 'nodes', 'HarnessProbe');
	mkdirSync(nodeDir, { recursive: true });
	writeFileSync(join(nodeDir, 'HarnessProbe.node.js'), NODE_SOURCE);
	writeFileSync(
		join(root, 'package.json'),
		JSON.stringify(
			{
				name: PROBE_PACKAGE,
				version: '0.0.1',
				license: 'MIT',
				keywords: ['n8n-community-node-package'],
				files: ['dist'],
				n8n: { n8nNodesApiVersion: 1, nodes: ['dist/nodes/HarnessProbe/HarnessProbe.node.js'] },
				dependencies: { 'graphql-request': PROBE_GRAPHQL_REQUEST_VERSION },
				peerDependencies: { 'n8n-workflow': '*' },
			},
			null,
			2,
		),
	);
	const tarball = execFileSync('npm', ['pack', '--silent'], { cwd: root, encoding: 'utf8' }).trim();
	return join(root, tarball);
}
