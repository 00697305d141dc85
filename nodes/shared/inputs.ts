/**
 * Checks of what a user typed into the node, without n8n types: each failure names the field by its
 * display name and says what was expected. The node turns these errors into NodeOperationErrors.
 */
import { DateTime } from 'luxon';

import { DescribedError } from './errors';

/** A parameter value the node cannot use. */
export class InvalidParameterError extends DescribedError {
	constructor(
		readonly field: string,
		message: string,
		description?: string,
	) {
		super(message, description);
	}
}

/** Something the user named does not exist in CodeSignal. */
export class NotFoundError extends DescribedError {
	constructor(
		what: string,
		readonly id: string,
	) {
		super(
			`${what} "${id}" not found`,
			'Check the ID: it may be mistyped, deleted, or belong to another company than the API key',
		);
	}
}

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** CodeSignal IDs are 17 letters and digits today; '-' and '_' are let through in case that widens. */
const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const text = (value: unknown) => (value === undefined || value === null ? '' : String(value).trim());

export function requireText(value: unknown, field: string): string {
	const trimmed = text(value);
	if (trimmed === '') throw new InvalidParameterError(field, `${field} is required`);
	return trimmed;
}

export function requireId(value: unknown, field: string): string {
	const id = requireText(value, field);
	if (!ID_PATTERN.test(id)) {
		throw new InvalidParameterError(
			field,
			`${field} must be a CodeSignal ID (letters and digits only), got "${id}"`,
			'Copy the ID from CodeSignal or from the output of another CodeSignal node',
		);
	}
	return id;
}

/** An e-mail address, or undefined when the field is empty and not required. */
export function parseEmail(value: unknown, field: string, required: boolean): string | undefined {
	const email = text(value);
	if (email === '') {
		if (required) throw new InvalidParameterError(field, `${field} is required`);
		return undefined;
	}
	if (!EMAIL_PATTERN.test(email)) {
		throw new InvalidParameterError(field, `${field} must be an e-mail address such as name@example.com, got "${email}"`);
	}
	return email;
}

/** JSON.parse's value, or its reason for refusing the text. */
function parseJsonText(text: string): { ok: true; value: unknown } | { ok: false; reason: string } {
	try {
		return { ok: true, value: JSON.parse(text) };
	} catch (error) {
		return { ok: false, reason: (error as Error).message };
	}
}

/** A JSON object given as text (or already parsed by n8n). Empty means `{}`. */
export function parseJsonObject(value: unknown, field: string): Record<string, unknown> {
	let parsed = value;
	if (typeof value === 'string') {
		if (value.trim() === '') return {};
		const json = parseJsonText(value);
		if (!json.ok) throw new InvalidParameterError(field, `${field} is not valid JSON: ${json.reason}`);
		parsed = json.value;
	}
	if (parsed === undefined || parsed === null) return {};
	if (typeof parsed !== 'object' || Array.isArray(parsed)) {
		throw new InvalidParameterError(field, `${field} must be a JSON object such as {"id": "abc"}`);
	}
	return parsed as Record<string, unknown>;
}

/** A date as epoch ms; text without an offset is read in `timeZone` (the workflow's). */
export function parseDate(value: unknown, field: string, timeZone: string): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	if (typeof value === 'number' && Number.isFinite(value)) return value;
	if (DateTime.isDateTime(value) && value.isValid) return value.toMillis();
	if (value instanceof Date && !Number.isNaN(value.getTime())) return value.getTime();
	const date = DateTime.fromISO(text(value), { zone: timeZone, setZone: true });
	if (!date.isValid) {
		throw new InvalidParameterError(field, `${field} must be a date such as 2026-05-31T17:00:00, got "${text(value)}"`);
	}
	return date.toMillis();
}

export function parseUrl(value: unknown, field: string): string | undefined {
	const url = text(value);
	if (url === '') return undefined;
	if (!URL.canParse(url)) {
		throw new InvalidParameterError(field, `${field} must be a web address such as https://example.com/thanks, got "${url}"`);
	}
	const parsed = new URL(url);
	if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
		throw new InvalidParameterError(field, `${field} must start with https:// or http://, got "${url}"`);
	}
	return url;
}

/** A whole number in [min, max]. */
export function requireWholeNumber(value: unknown, field: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (typeof number !== 'number' || !Number.isInteger(number) || number < min || number > max) {
		const range = max === Number.MAX_SAFE_INTEGER ? `at least ${min}` : `between ${min} and ${max}`;
		throw new InvalidParameterError(field, `${field} must be a whole number ${range}, got "${text(value)}"`);
	}
	return number;
}

/**
 * A list typed as "a, b, c" (or given as an array by an expression), without empty entries. With `field`, a
 * value that is neither (a number, an object) is refused by that name instead of read as text.
 */
export function parseList(value: unknown, field?: string): string[] {
	const listOrText = value === undefined || value === null || typeof value === 'string' || Array.isArray(value);
	if (field !== undefined && !listOrText) {
		throw new InvalidParameterError(field, `${field} must be a list, or text with commas between the entries`);
	}
	const entries = Array.isArray(value) ? value : text(value).split(',');
	return entries.map((entry) => text(entry)).filter((entry) => entry !== '');
}

/** A list of CodeSignal IDs typed as "a, b, c"; at least one. */
export function requireIdList(value: unknown, field: string): string[] {
	const ids = parseList(value);
	if (ids.length === 0) throw new InvalidParameterError(field, `${field} is required`);
	return ids.map((id) => requireId(id, field));
}
