/**
 * JSON parameters that stand for one of CodeSignal's GraphQL input types (large task and test inputs): checked
 * against the published schema before anything is sent, so that a misspelt field, a wrong type or an unknown
 * enum value is reported with its path in the user's JSON rather than by CodeSignal after the request.
 */
import { coerceInputValue, GraphQLNonNull, isInputObjectType, type GraphQLInputObjectType } from 'graphql';

import { codeSignalSchema } from '../../shared/codesignal/schema';
import { InvalidParameterError, parseJsonObject } from '../../shared/inputs';

/** Problems listed in one error at most: the first few are enough to fix the JSON. */
const MAX_REPORTED_PROBLEMS = 3;

function inputObjectType(typeName: string): GraphQLInputObjectType {
	const type = codeSignalSchema().getType(typeName);
	if (!isInputObjectType(type)) throw new Error(`CodeSignal's schema has no input type "${typeName}"`);
	return type;
}

/** "tasks[0].points" for the path graphql-js reports. */
function pathText(path: ReadonlyArray<string | number>): string {
	return path.reduce<string>(
		(text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${key}` : key),
		'',
	);
}

/**
 * The value of a JSON parameter (text or an object n8n already parsed) as CodeSignal's input type
 * `typeName`; fields the user set in guided parameters (`overrides`) win over the JSON's.
 */
export function parseGraphqlInput(
	value: unknown,
	typeName: string,
	field: string,
	overrides: Record<string, unknown> = {},
): Record<string, unknown> {
	const input = { ...parseJsonObject(value, field), ...overrides };
	const problems: string[] = [];
	const coerced = coerceInputValue(input, new GraphQLNonNull(inputObjectType(typeName)), (path, _invalid, error) => {
		const where = pathText(path);
		problems.push(where ? `${where}: ${error.message}` : error.message);
	});
	if (problems.length > 0) {
		const shown = problems.slice(0, MAX_REPORTED_PROBLEMS).join('; ');
		const more = problems.length > MAX_REPORTED_PROBLEMS ? ` (and ${problems.length - MAX_REPORTED_PROBLEMS} more)` : '';
		throw new InvalidParameterError(
			field,
			`${field} does not match CodeSignal's ${typeName}: ${shown}${more}`,
			`The fields of ${typeName} are: ${Object.keys(inputObjectType(typeName).getFields()).join(', ')}`,
		);
	}
	return coerced as Record<string, unknown>;
}
