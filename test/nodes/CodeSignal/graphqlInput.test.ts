import { isEnumType } from 'graphql';

import { CODESIGNAL_ENUMS } from '../../../nodes/CodeSignal/actions/languages';
import {
	parseGraphqlInput,
	pickInputFields,
	requireEnumValue,
	requireEnumValues,
} from '../../../nodes/CodeSignal/helpers/graphqlInput';
import { InvalidParameterError } from '../../../nodes/shared/inputs';
import { codeSignalSchema } from '../../../nodes/shared/codesignal/schema';

function problemOf(run: () => unknown): InvalidParameterError {
	try {
		run();
	} catch (error) {
		if (error instanceof InvalidParameterError) return error;
		throw error;
	}
	throw new Error('No error was raised');
}

describe('parseGraphqlInput', () => {
	it('accepts JSON text that matches the input type and keeps its values', () => {
		const input = parseGraphqlInput(
			'{"name": "two-sum", "description": "Pick one", "options": [{"description": "A", "isCorrect": true}], "multipleSelect": false}',
			'CreateQuizInput',
			'Task JSON',
		);
		expect(input).toEqual({
			name: 'two-sum',
			description: 'Pick one',
			options: [{ description: 'A', isCorrect: true }],
			multipleSelect: false,
		});
	});

	it('lets guided fields win over the JSON', () => {
		const input = parseGraphqlInput({ id: 'task1', sets: ['a'] }, 'EditTaskSetsInput', 'Sets JSON', { sets: ['b', 'c'] });
		expect(input).toEqual({ id: 'task1', sets: ['b', 'c'] });
	});

	it('names the field, the input type and the path of each problem', () => {
		const error = problemOf(() =>
			parseGraphqlInput(
				{ name: 'q', description: 'd', options: [{ description: 'A', isCorect: true }], multipleSelect: 'no' },
				'CreateQuizInput',
				'Task JSON',
			),
		);
		expect(error.field).toBe('Task JSON');
		expect(error.message).toContain("Task JSON does not match CodeSignal's CreateQuizInput:");
		expect(error.message).toContain('options[0]: Field "isCorect" is not defined by type "QuizOptionInput". Did you mean "isCorrect"?');
		expect(error.message).toContain('multipleSelect: Boolean cannot represent a non boolean value: "no"');
		expect(error.description).toContain('The fields of CreateQuizInput are: name, title, description, options, multipleSelect');
	});

	it('reports a missing required field and an unknown enum value', () => {
		const error = problemOf(() =>
			parseGraphqlInput({ type: 'notAType' }, 'AccessQueryInput', 'Access Queries'),
		);
		expect(error.message).toMatch(/type: Value "notAType" does not exist in "AccessType" enum/);
		const missing = problemOf(() => parseGraphqlInput('{}', 'CreateQuizInput', 'Task JSON'));
		expect(missing.message).toContain('Field "name" of required type "String!" was not provided.');
	});

	it('refuses text that is not a JSON object', () => {
		expect(problemOf(() => parseGraphqlInput('[1]', 'CreateQuizInput', 'Task JSON')).message).toBe(
			'Task JSON must be a JSON object such as {"id": "abc"}',
		);
		expect(problemOf(() => parseGraphqlInput('{name:', 'CreateQuizInput', 'Task JSON')).message).toMatch(
			/^Task JSON is not valid JSON: /,
		);
	});

	it('fails loudly for an input type the schema does not have (a programming error)', () => {
		expect(() => parseGraphqlInput({}, 'NoSuchInput', 'X')).toThrow('CodeSignal\'s schema has no input type "NoSuchInput"');
	});
});

describe('pickInputFields', () => {
	it('keeps only the fields the input type has', () => {
		expect(pickInputFields({ title: 'T', labels: ['a'], duration: 1 }, 'CreateCodeReviewTaskInput')).toEqual({ labels: ['a'] });
	});
});

describe('requireEnumValue and requireEnumValues', () => {
	it('accept the enum\'s values, from a list or comma-separated text', () => {
		expect(requireEnumValue('py3', 'LanguageName', 'Language')).toBe('py3');
		expect(requireEnumValues('py3, ts', 'CodingLanguageName', 'Allowed Languages')).toEqual(['py3', 'ts']);
		expect(requireEnumValues(['css'], 'FrontendStyleLanguageName', 'Style Languages')).toEqual(['css']);
		expect(requireEnumValues(undefined, 'LanguageName', 'Languages')).toEqual([]);
	});

	it('name the field, the enum and the value it does not have', () => {
		const error = problemOf(() => requireEnumValues(['py3', 'html'], 'CodingLanguageName', 'Allowed Languages'));
		expect(error.field).toBe('Allowed Languages');
		expect(error.message).toBe('Allowed Languages must be one of CodeSignal\'s CodingLanguageName values, got "html"');
		expect(error.description).toMatch(/^The values of CodingLanguageName are: clj, coffee, /);
	});
});

describe('the language and testing-tool options', () => {
	it.each(Object.entries(CODESIGNAL_ENUMS))('offer exactly the values of %s', (typeName, values) => {
		const type = codeSignalSchema().getType(typeName);
		if (!isEnumType(type)) throw new Error(`${typeName} is not an enum`);
		expect([...values].sort()).toEqual(type.getValues().map((value) => value.name).sort());
	});
});
