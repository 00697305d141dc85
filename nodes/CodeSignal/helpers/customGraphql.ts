/** A user's own GraphQL document, checked against CodeSignal's published schema before it is sent. */
import { Kind, parse, type OperationDefinitionNode } from 'graphql';

import { validateCodeSignalDocument } from '../../shared/codesignal/schema';
import type { GraphqlOperation } from '../../shared/codesignal/transport';
import { InvalidParameterError } from '../../shared/inputs';

const FIELD = 'Query';

/** The document as a GraphqlOperation, or an InvalidParameterError carrying the schema's messages. */
export function customOperation(query: string): GraphqlOperation {
	if (query.trim() === '') throw new InvalidParameterError(FIELD, `${FIELD} is required`);
	const errors = validateCodeSignalDocument(query);
	if (errors.length > 0) {
		throw new InvalidParameterError(
			FIELD,
			`${FIELD} does not validate against CodeSignal's GraphQL schema: ${errors[0]}`,
			errors.join('\n'),
		);
	}
	const operations = parse(query).definitions.filter(
		(definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
	);
	if (operations.length !== 1) {
		throw new InvalidParameterError(FIELD, `${FIELD} must hold exactly one query or mutation, found ${operations.length}`);
	}
	const [operation] = operations;
	if (operation.operation === 'subscription') {
		throw new InvalidParameterError(FIELD, `${FIELD} is a subscription; CodeSignal's API answers queries and mutations only`);
	}
	return {
		name: operation.name?.value ?? 'CustomGraphQL',
		action: `run the custom GraphQL ${operation.operation}`,
		document: query,
	};
}
