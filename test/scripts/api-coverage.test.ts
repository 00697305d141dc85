/**
 * README's comparison with CodeSignal's MCP server names every Query and Mutation of the published schema,
 * each with the operation that sends it or a reason, and is what the script makes of today's code.
 */
import { readFileSync } from 'fs';

import { codeSignalSchema } from '../../nodes/shared/codesignal/schema';
import { coverageSection, MCP_TOOLS, README, schemaRows, withSection } from '../../scripts/api-coverage';

const rows = schemaRows();

describe('README: Compared with CodeSignal\'s MCP server', () => {
	it('has one row per Query and Mutation field of the published schema', () => {
		const schema = codeSignalSchema();
		const fields = (['Query', 'Mutation'] as const).flatMap((kind) =>
			Object.keys((kind === 'Query' ? schema.getQueryType() : schema.getMutationType())!.getFields()).map((field) => `${kind}.${field}`),
		);

		expect(rows.map((row) => `${row.kind}.${row.field}`)).toEqual(fields);
	});

	it('gives each field the operation that sends it or the reason it is left out', () => {
		expect(rows.filter((row) => row.offeredBy.length === 0 && !row.leftOut).map((row) => row.field)).toEqual([]);
	});

	it('offers every tool of the MCP server through an operation, not only a pick list', () => {
		const byField = new Map(rows.map((row) => [row.field, row]));
		const notOffered = MCP_TOOLS.flatMap(({ tools }) => tools)
			.filter(([, field]) => !byField.get(field)?.offeredBy.some((label) => label.includes(' → ')))
			.map(([tool]) => tool);

		expect(notOffered).toEqual([]);
	});

	it('is current in README (npm run docs:api-coverage writes it)', () => {
		const readme = readFileSync(README, 'utf8');

		expect(withSection(readme, coverageSection(rows))).toBe(readme);
	});
});
