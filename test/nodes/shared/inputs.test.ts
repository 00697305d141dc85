import {
	InvalidParameterError,
	parseDate,
	parseEmail,
	parseJsonObject,
	parseList,
	parseUrl,
	requireId,
	requireWholeNumber,
} from '../../../nodes/shared/inputs';

function failure(run: () => unknown): InvalidParameterError {
	try {
		run();
	} catch (error) {
		if (error instanceof InvalidParameterError) return error;
		throw error;
	}
	throw new Error('Expected an InvalidParameterError');
}

describe('parameter checks', () => {
	it('accepts CodeSignal IDs, trimmed, and names the field of a bad one', () => {
		expect(requireId('  7hTqPz2mXcR4bLk9W ', 'Test Session ID')).toBe('7hTqPz2mXcR4bLk9W');
		expect(failure(() => requireId(undefined, 'Task ID')).field).toBe('Task ID');
		expect(failure(() => requireId('a"b', 'Task ID')).message).toBe('Task ID must be a CodeSignal ID (letters and digits only), got "a"b"');
	});

	it('accepts an empty optional e-mail and refuses an empty required one', () => {
		expect(parseEmail('', 'Candidate Email', false)).toBeUndefined();
		expect(parseEmail(' ada@example.com ', 'Candidate Email', true)).toBe('ada@example.com');
		expect(failure(() => parseEmail(' ', 'Candidate Email', true)).message).toBe('Candidate Email is required');
	});

	it('reads dates without an offset in the given time zone and keeps an explicit offset', () => {
		expect(parseDate('2026-01-15T10:00:00', 'Finished After', 'Europe/Berlin')).toBe(Date.parse('2026-01-15T09:00:00Z'));
		expect(parseDate('2026-01-15T10:00:00-05:00', 'Finished After', 'Europe/Berlin')).toBe(Date.parse('2026-01-15T15:00:00Z'));
		expect(parseDate('', 'Finished After', 'UTC')).toBeUndefined();
		expect(parseDate(1_700_000_000_000, 'Finished After', 'UTC')).toBe(1_700_000_000_000);
	});

	it('parses JSON objects and says what is wrong with anything else', () => {
		expect(parseJsonObject('{"a": 1}', 'Variables')).toEqual({ a: 1 });
		expect(parseJsonObject('', 'Variables')).toEqual({});
		expect(parseJsonObject({ b: 2 }, 'Variables')).toEqual({ b: 2 });
		expect(failure(() => parseJsonObject('"text"', 'Variables')).message).toBe('Variables must be a JSON object such as {"id": "abc"}');
	});

	it('accepts only web addresses', () => {
		expect(parseUrl('https://example.com/x', 'Redirect URL')).toBe('https://example.com/x');
		expect(failure(() => parseUrl('ftp://example.com', 'Redirect URL')).message).toBe(
			'Redirect URL must start with https:// or http://, got "ftp://example.com"',
		);
	});

	it('accepts whole numbers in range only', () => {
		expect(requireWholeNumber('7', 'Score', 0)).toBe(7);
		expect(failure(() => requireWholeNumber(2.5, 'Score', 0)).message).toBe('Score must be a whole number at least 0, got "2.5"');
		expect(failure(() => requireWholeNumber(11, 'Hours', 1, 10)).message).toBe('Hours must be a whole number between 1 and 10, got "11"');
	});

	it('reads a list from comma-separated text or an array; with a field, refuses anything else by name', () => {
		expect(parseList(' a, ,b ')).toEqual(['a', 'b']);
		expect(parseList([' a ', '', 'b'])).toEqual(['a', 'b']);
		expect(parseList(undefined, 'Permissions')).toEqual([]);
		expect(parseList(42)).toEqual(['42']);
		expect(failure(() => parseList(42, 'Permissions')).message).toBe(
			'Permissions must be a list, or text with commas between the entries',
		);
	});
});
