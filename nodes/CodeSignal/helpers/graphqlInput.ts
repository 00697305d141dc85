/**
 * JSON parameters that stand for one of CodeSignal's GraphQL input types (large task and test inputs): checked
 * against the published schema before anything is sent, so that a misspelt field, a wrong type or an unknown
 * enum value is reported with its path in the user's JSON rather than by CodeSignal after the request.
 */
import {
	coerceInputValue,
	GraphQLNonNull,
	isEnumType,
	isInputObjectType,
	type GraphQLEnumType,
	type GraphQLInputObjectType,
} from 'graphql';

import { codeSignalSchema } from '../../shared/codesignal/schema';
import { InvalidParameterError, parseJsonObject, parseList } from '../../shared/inputs';

/** Problems listed in one error at most: the first few are enough to fix the JSON. */
const MAX_REPORTED_PROBLEMS = 3;

function inputObjectType(typeName: string): GraphQLInputObjectType {
	const type = codeSignalSchema().getType(typeName);
	if (!isInputObjectType(type)) throw new Error(`CodeSignal's schema has no input type "${typeName}"`);
	return type;
}

function enumType(typeName: string): GraphQLEnumType {
	const type = codeSignalSchema().getType(typeName);
	if (!isEnumType(type)) throw new Error(`CodeSignal's schema has no enum "${typeName}"`);
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

/** Only the fields of `values` that CodeSignal's input type `typeName` has. */
export function pickInputFields(values: Record<string, unknown>, typeName: string): Record<string, unknown> {
	const fields = inputObjectType(typeName).getFields();
	return Object.fromEntries(Object.entries(values).filter(([key]) => key in fields));
}

/** A value of CodeSignal's enum `typeName` (an option a user may also set by expression). */
export function requireEnumValue(value: unknown, typeName: string, field: string): string {
	const type = enumType(typeName);
	const text = String(value ?? '').trim();
	if (!type.getValue(text)) {
		throw new InvalidParameterError(
			field,
			`${field} must be one of CodeSignal's ${typeName} values, got "${text}"`,
			`The values of ${typeName} are: ${type.getValues().map((enumValue) => enumValue.name).join(', ')}`,
		);
	}
	return text;
}

/** A list of values of CodeSignal's enum `typeName` (a multi-select, or a comma-separated expression). */
export function requireEnumValues(value: unknown, typeName: string, field: string): string[] {
	return parseList(value).map((each) => requireEnumValue(each, typeName, field));
}
