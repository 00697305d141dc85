/** Argument checks shared by the mutations, with messages for the API client. */
import { DateTime } from 'luxon';

import { SandboxError } from './errors';

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function checkEmail(email: string | null | undefined): void {
	if (email !== undefined && email !== null && !EMAIL_PATTERN.test(email)) {
		throw new SandboxError(`Invalid candidate email "${email}"`);
	}
}

export function checkPositiveDuration(name: string, value: number | null | undefined): void {
	if (value !== undefined && value !== null && !(Number.isFinite(value) && value > 0)) {
		throw new SandboxError(`${name} must be a positive number of milliseconds, got ${value}`);
	}
}

/** A Timestamp argument: epoch milliseconds as a number (or a string of digits). */
export function toTimestamp(name: string, value: unknown): number {
	const timestamp = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
	if (typeof timestamp !== 'number' || !Number.isFinite(timestamp)) {
		throw new SandboxError(`${name} must be a timestamp in epoch milliseconds`);
	}
	return timestamp;
}

export function isoDate(timestamp: number): string {
	return DateTime.fromMillis(timestamp, { zone: 'utc' }).toISO() ?? String(timestamp);
}

/** A `companyId` argument: a customer key may only name its own company. */
export function checkOwnCompany(ownId: string, companyId: string | null | undefined): void {
	if (companyId && companyId !== ownId) throw new SandboxError('Access Denied');
}
