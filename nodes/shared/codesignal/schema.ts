/**
 * CodeSignal's published GraphQL schema, shipped with the package, and what the nodes need from it:
 * validating a document before it is sent, and what one list item costs.
 */
import {
	buildSchema,
	Kind,
	parse,
	validate,
	type FieldNode,
	type GraphQLSchema,
	type SelectionSetNode,
} from 'graphql';

import { CODESIGNAL_SCHEMA } from '../codesignal-schema';

let cached: GraphQLSchema | undefined;

export function codeSignalSchema(): GraphQLSchema {
	cached ??= buildSchema(CODESIGNAL_SCHEMA);
	return cached;
}

/** Empty when the document is valid; otherwise graphql-js's messages, with line and column. */
export function validateCodeSignalDocument(document: string): string[] {
	let parsed;
	try {
		parsed = parse(document);
	} catch (error) {
		return [(error as Error).message];
	}
	return validate(codeSignalSchema(), parsed).map((error) => {
		const where = error.locations?.[0];
		return where ? `${error.message} (line ${where.line}, column ${where.column})` : error.message;
	});
}

/** List fields whose cost CodeSignal multiplies by more than `first`. */
const LIST_COST_MULTIPLIER: Record<string, number> = { companyTestSessions: 2, testSessions: 2 };

function countFields(selectionSet: SelectionSetNode | undefined): number {
	if (!selectionSet) return 0;
	let count = 0;
	for (const selection of selectionSet.selections) {
		if (selection.kind === Kind.FIELD) count += 1 + countFields(selection.selectionSet);
		else if (selection.kind === Kind.INLINE_FRAGMENT) count += countFields(selection.selectionSet);
	}
	return count;
}

/**
 * What one item of the paged list field costs: the list's multiplier plus every field selected under it.
 * An over-estimate is safe (smaller pages); an under-estimate would be refused by CodeSignal.
 */
export function costPerListItem(document: string, listField: string): number {
	const parsed = parse(document);
	let found: FieldNode | undefined;
	const search = (selectionSet: SelectionSetNode | undefined) => {
		for (const selection of selectionSet?.selections ?? []) {
			if (found) return;
			if (selection.kind === Kind.FIELD && selection.name.value === listField) found = selection;
			else if ('selectionSet' in selection) search(selection.selectionSet);
		}
	};
	for (const definition of parsed.definitions) {
		if (definition.kind === Kind.OPERATION_DEFINITION) search(definition.selectionSet);
	}
	if (!found) throw new Error(`The document has no field "${listField}"`);
	return (LIST_COST_MULTIPLIER[listField] ?? 1) + countFields(found.selectionSet);
}
