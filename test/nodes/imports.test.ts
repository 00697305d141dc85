/**
 * The house rules of docs/architecture.md, read from the imports of every source file: nodes/shared/ never
 * imports a node's room, a room reaches another room only through that room's index.ts (its public door),
 * and credentials/ import nothing from nodes/.
 */
import { existsSync, readFileSync } from 'fs';
import { dirname, join, relative, resolve, sep } from 'path';
import ts from 'typescript';

import { sourceFiles } from '../helpers/sourceFiles';

const ROOT = resolve(__dirname, '..', '..');


interface ImportEdge {
	/** Both relative to the repository, with '/' separators; `to` without its extension (a folder: its index). */
	from: string;
	to: string;
}

/** Every relative import (static, dynamic, require) of the files, resolved. */
function importEdges(files: string[]): ImportEdge[] {
	const toRepoPath = (path: string) => relative(ROOT, path).split(sep).join('/');
	return files.flatMap((file) =>
		ts
			.preProcessFile(readFileSync(file, 'utf8'), true, true)
			.importedFiles.filter(({ fileName }) => fileName.startsWith('.'))
			.map(({ fileName }) => {
				const target = resolve(dirname(file), fileName);
				const isFolder = !existsSync(`${target}.ts`) && existsSync(join(target, 'index.ts'));
				return { from: toRepoPath(file), to: toRepoPath(isFolder ? join(target, 'index') : target) };
			}),
	);
}

/** The room of a path under nodes/ (its first folder), `credentials`, or null. */
function roomOf(path: string): string | null {
	const [top, room] = path.split('/');
	if (top === 'credentials') return 'credentials';
	return top === 'nodes' ? room : null;
}

/** The imports that break a rule, each with the rule it breaks. */
function houseRuleViolations(edges: ImportEdge[]): string[] {
	return edges.flatMap(({ from, to }) => {
		const source = roomOf(from);
		const target = roomOf(to);
		if (source === 'credentials' && to.startsWith('nodes/')) return [`${from} → ${to}: credentials import nothing from nodes/`];
		if (source === 'shared' && target !== 'shared' && to.startsWith('nodes/')) {
			return [`${from} → ${to}: nodes/shared/ never imports a node's room`];
		}
		const isRoom = (room: string | null) => room !== null && room !== 'shared' && room !== 'credentials';
		if (isRoom(source) && isRoom(target) && source !== target && !/(^|\/)index$/.test(to)) {
			const door = to.split('/').slice(0, -1).concat('index').join('/');
			return [`${from} → ${to}: another room's internals (its door would be ${door}.ts)`];
		}
		return [];
	});
}

describe('imports follow the house rules', () => {
	it('the rules catch each kind of wrong import', () => {
		expect(
			houseRuleViolations([
				{ from: 'nodes/shared/router.ts', to: 'nodes/Endorsed/transport/index' },
				{ from: 'nodes/CodeSignal/actions/x.ts', to: 'nodes/CodeSignalResultsTrigger/sync/engine' },
				{ from: 'credentials/CodeSignalApi.credentials.ts', to: 'nodes/shared/codesignal/credentialTest' },
				{ from: 'nodes/CodeSignal/actions/x.ts', to: 'nodes/CodeSignalResultsTrigger/sync/index' },
				{ from: 'nodes/Endorsed/transport/index.ts', to: 'credentials/endorsedToken' },
				{ from: 'nodes/CodeSignal/actions/x.ts', to: 'nodes/shared/retry' },
			]),
		).toEqual([
			"nodes/shared/router.ts → nodes/Endorsed/transport/index: nodes/shared/ never imports a node's room",
			"nodes/CodeSignal/actions/x.ts → nodes/CodeSignalResultsTrigger/sync/engine: another room's internals (its door would be nodes/CodeSignalResultsTrigger/sync/index.ts)",
			'credentials/CodeSignalApi.credentials.ts → nodes/shared/codesignal/credentialTest: credentials import nothing from nodes/',
		]);
	});

	it('in nodes/ and credentials/', () => {
		const files = [...sourceFiles(join(ROOT, 'nodes')), ...sourceFiles(join(ROOT, 'credentials'))];
		const edges = importEdges(files);

		expect(edges.length).toBeGreaterThan(files.length);
		expect(houseRuleViolations(edges)).toEqual([]);
	});
});
