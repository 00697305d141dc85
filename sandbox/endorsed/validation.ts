import { invalidArgument } from './errors';

/** A request field: its JSON type and whether a create must carry it. */
export interface FieldSpec {
	name: string;
	type: 'string' | 'integer' | 'string[]' | { enum: readonly string[] } | { objects: FieldSpec[] };
	required?: boolean;
}

export type Fields = Record<string, unknown>;

/**
 * Checks a body against its specs and returns only the known fields it carries.
 * 'create' reports every missing required field; 'patch' checks only what is present.
 * Every problem becomes one issue naming its field, all answered together as 400 INVALID_ARGUMENT.
 */
export function validateFields(body: Fields, specs: FieldSpec[], mode: 'create' | 'patch' = 'create'): Fields {
	const issues: string[] = [];
	const fields = collect(body, specs, mode, '', issues);
	if (issues.length) throw invalidArgument(issues);
	return fields;
}

/** The value a record holds for a field the request left out. */
export function emptyValues(specs: FieldSpec[]): Fields {
	return Object.fromEntries(specs.map((spec) => [spec.name, isArrayType(spec) ? [] : null]));
}

function isArrayType(spec: FieldSpec): boolean {
	return spec.type === 'string[]' || (typeof spec.type === 'object' && 'objects' in spec.type);
}

function collect(body: Fields, specs: FieldSpec[], mode: 'create' | 'patch', prefix: string, issues: string[]): Fields {
	const fields: Fields = {};
	for (const spec of specs) {
		const path = prefix + spec.name;
		const value = body[spec.name];
		const missing = value === undefined || value === null || (typeof value === 'string' && !value.trim());
		if (missing) {
			if (spec.required && (mode === 'create' || value !== undefined)) issues.push(`${path} is required`);
			else if (value !== undefined) fields[spec.name] = isArrayType(spec) ? [] : null;
			continue;
		}
		const problem = typeProblem(spec.type, value);
		if (problem) {
			issues.push(`${path} ${problem}`);
		} else if (typeof spec.type === 'object' && 'objects' in spec.type) {
			const itemSpecs = spec.type.objects;
			fields[spec.name] = (value as Fields[]).map((item, index) => ({
				...emptyValues(itemSpecs),
				...collect(item, itemSpecs, 'create', `${path}[${index}].`, issues),
			}));
		} else {
			fields[spec.name] = value;
		}
	}
	return fields;
}

function typeProblem(type: FieldSpec['type'], value: unknown): string | undefined {
	if (type === 'string') return typeof value === 'string' ? undefined : 'must be a string';
	if (type === 'integer') return Number.isInteger(value) ? undefined : 'must be an integer';
	if (type === 'string[]') {
		const strings = Array.isArray(value) && value.every((item) => typeof item === 'string');
		return strings ? undefined : 'must be an array of strings';
	}
	if ('enum' in type) return type.enum.includes(value as string) ? undefined : `must be one of ${type.enum.join(', ')}`;
	return Array.isArray(value) && value.every(isPlainObject) ? undefined : 'must be an array of objects';
}

export function isPlainObject(value: unknown): value is Fields {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
