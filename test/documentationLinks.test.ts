/**
 * Every "Docs" link n8n shows for a node or a credential (the codex files' documentation, the credentials'
 * documentationUrl) that points at this package's repository lands on a README section that exists, and
 * uses the one repository URL package.json names.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { CodeSignalApi } from '../credentials/CodeSignalApi.credentials';
import { EndorsedApi } from '../credentials/EndorsedApi.credentials';

const ROOT = join(__dirname, '..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const REPOSITORY = manifest.homepage.replace(/#readme$/, '');

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
function anchorOf(heading: string): string {
	return heading
		.trim()
		.toLowerCase()
		.replace(/[^\p{L}\p{N}\s_-]/gu, '')
		.replace(/\s/g, '-');
}

const readmeAnchors = readFileSync(join(ROOT, 'README.md'), 'utf8')
	.split('\n')
	.filter((line) => /^#{1,6} /.test(line))
	.map((line) => anchorOf(line.replace(/^#+ /, '')));

function codexLinks(): Array<{ source: string; url: string }> {
	return readdirSync(join(ROOT, 'nodes'), { withFileTypes: true })
		.filter((entry) => entry.isDirectory() && entry.name !== 'shared')
		.flatMap((entry) => {
			const file = join('nodes', entry.name, `${entry.name}.node.json`);
			const { resources } = JSON.parse(readFileSync(join(ROOT, file), 'utf8'));
			return Object.values(resources as Record<string, Array<{ url: string }>>)
				.flat()
				.map(({ url }) => ({ source: file, url }));
		});
}

const links = [
	...codexLinks(),
	{ source: 'CodeSignalApi', url: new CodeSignalApi().documentationUrl },
	{ source: 'EndorsedApi', url: new EndorsedApi().documentationUrl },
];

describe('documentation links', () => {
	it('name the repository package.json names, as its homepage, repository and bugs do', () => {
		expect(REPOSITORY).toBe('https://github.com/n8n-nodes-codesignal/n8n-nodes-codesignal');
		expect(manifest.repository.url).toBe(`git+${REPOSITORY}.git`);
		expect(manifest.bugs.url).toBe(`${REPOSITORY}/issues`);
		const ours = links.filter(({ url }) => url.includes('n8n-nodes-codesignal'));
		expect(ours.filter(({ url }) => !url.startsWith(`${REPOSITORY}#`))).toEqual([]);
		// Every node (five codex files) and both credentials link there.
		expect(new Set(ours.map(({ source }) => source)).size).toBe(7);
	});

	it('each land on a README section that exists', () => {
		const broken = links
			.filter(({ url }) => url.startsWith(`${REPOSITORY}#`))
			.filter(({ url }) => !readmeAnchors.includes(url.slice(url.indexOf('#') + 1)));

		expect(broken).toEqual([]);
	});
});
