/**
 * Every GraphQL document the package ships must validate against CodeSignal's published schema.
 * Documents are found two ways, so that none can hide: every exported operation object under nodes/
 * (also inside exported maps of documents), and every operation named in a `/* GraphQL *\/` template in the
 * sources: each of those must be among the exported ones.
 */
import { readFileSync } from 'fs';
import { join, relative } from 'path';
import { Kind, parse, print, type OperationDefinitionNode } from 'graphql';

import { DEFAULT_PAGE_SIZE, MAX_QUERY_COST } from '../../nodes/shared/pagination';
import { validateCodeSignalDocument } from '../../nodes/shared/codesignal/schema';
import { analyzeQuery, limitViolations } from '../../sandbox/codesignal/limits';
import { sourceFiles } from '../helpers/sourceFiles';

const NODES = join(__dirname, '..', '..', 'nodes');


interface ShippedDocument {
	where: string;
	name: string;
	document: string;
}

function exportedDocuments(): ShippedDocument[] {
	const found = new Map<string, ShippedDocument>();
	for (const file of sourceFiles(NODES)) {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const exported = require(file) as Record<string, unknown>;
		const visit = (value: unknown, path: string) => {
			if (!value || typeof value !== 'object') return;
			const candidate = value as { name?: unknown; document?: unknown };
			if (typeof candidate.document === 'string' && typeof candidate.name === 'string') {
				found.set(candidate.document, { where: path, name: candidate.name, document: candidate.document });
				return;
			}
			if (path.split('.').length < 4) {
				for (const [key, inner] of Object.entries(value)) visit(inner, `${path}.${key}`);
			}
		};
		for (const [key, value] of Object.entries(exported)) visit(value, `${relative(NODES, file)}:${key}`);
	}
	return [...found.values()];
}

function operationsNamedInTemplates(): string[] {
	return sourceFiles(NODES).flatMap((file) =>
		[...readFileSync(file, 'utf8').matchAll(/\/\* GraphQL \*\/\s*`\s*(?:query|mutation)\s+(\w+)/g)].map((match) => match[1]),
	);
}

describe('GraphQL documents shipped by the package', () => {
	const documents = exportedDocuments();

	it('are all found', () => {
		const named = operationsNamedInTemplates();
		expect(named.length).toBeGreaterThan(0);
		expect(new Set(documents.map((d) => d.name))).toEqual(new Set(named));
	});

	it.each(documents.map((d) => [d.where, d]))('%s validates against the published schema', (_name, shipped) => {
		expect(validateCodeSignalDocument(shipped.document)).toEqual([]);
	});

	it.each(documents.map((d) => [d.where, d]))('%s is a single operation named as exported', (_name, shipped) => {
		const operations = parse(shipped.document).definitions.filter((d) => d.kind === 'OperationDefinition');
		expect(operations).toHaveLength(1);
		expect((operations[0] as { name?: { value: string } }).name?.value).toBe(shipped.name);
	});

	it.each(documents.map((d) => [d.where, d]))(
		'%s keeps within CodeSignal\'s depth (10) and cost (10000) limits at the largest page (20)',
		(_name, shipped) => {
			const parsed = parse(shipped.document);
			const operation = parsed.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
			// Every Int variable at the page-size cap: the `first` of a list is one of them.
			const variables = Object.fromEntries(
				(operation.variableDefinitions ?? [])
					.filter((definition) => /^Int!?$/.test(print(definition.type)))
					.map((definition) => [definition.variable.name.value, DEFAULT_PAGE_SIZE]),
			);
			const analysis = analyzeQuery(parsed, variables);
			expect(limitViolations(analysis, { maxDepth: 10, maxCost: MAX_QUERY_COST, maxPageSize: DEFAULT_PAGE_SIZE })).toEqual([]);
		},
	);

	it('rejects the seed article\'s example query, which does not validate today', () => {
		const errors = validateCodeSignalDocument(
			'query { companyTestSession(id: "x") { result { score } tasks { task { title description } } } }',
		);
		expect(errors).toEqual([
			'Cannot query field "description" on type "CommonTask". Did you mean to use an inline fragment on "SingleEnvironmentTask"? (line 1, column 77)',
		]);
	});
});
