/** The published CodeSignal schema, loaded once from the copy the nodes validate against. */
import { readFileSync } from 'fs';
import { buildSchema, type GraphQLSchema } from 'graphql';
import path from 'path';

const SCHEMA_PATH = path.resolve(__dirname, '../../nodes/shared/codesignal-schema.graphql');

let schema: GraphQLSchema | undefined;

export function codeSignalSchema(): GraphQLSchema {
	schema ??= buildSchema(readFileSync(SCHEMA_PATH, 'utf8'));
	return schema;
}
