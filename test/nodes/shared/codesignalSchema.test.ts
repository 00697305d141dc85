/**
 * The schema the nodes validate against is a module generated from the published schema file (`gulp schema`,
 * part of `npm run build`), so that nothing reads a file at run time: it must say what the file says.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { CODESIGNAL_SCHEMA } from '../../../nodes/shared/codesignal-schema';

describe('nodes/shared/codesignal-schema.ts', () => {
	it('holds codesignal-schema.graphql as it is (run npm run build after editing the schema)', () => {
		const published = readFileSync(join(__dirname, '../../../nodes/shared/codesignal-schema.graphql'), 'utf8');

		expect(CODESIGNAL_SCHEMA).toBe(published);
	});
});
