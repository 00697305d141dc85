/**
 * Candidate bodies for Endorsed's PUT, which replaces every field: a field left out is cleared. So an
 * update always starts from the stored record and changes only what it was asked to.
 */

export interface ContactValue {
	value: string;
	type: string | null;
}

/** The fields Endorsed stores for a candidate, as its API names them. */
export interface CandidateFields {
	first_name: string;
	last_name: string | null;
	title: string | null;
	company_name: string | null;
	location: string | null;
	phone_numbers: ContactValue[];
	email_addresses: ContactValue[];
	links: ContactValue[];
	remote_id: string;
}

const CANDIDATE_FIELD_NAMES: Array<keyof CandidateFields> = [
	'first_name',
	'last_name',
	'title',
	'company_name',
	'location',
	'phone_numbers',
	'email_addresses',
	'links',
	'remote_id',
];

/** The writable fields of a stored candidate (GET answers carry ids and timestamps too). */
export function writableFields(stored: Record<string, unknown>): Partial<CandidateFields> {
	const fields: Record<string, unknown> = {};
	for (const name of CANDIDATE_FIELD_NAMES) if (stored[name] !== undefined) fields[name] = stored[name];
	return fields as Partial<CandidateFields>;
}

function sameContacts(a: unknown, b: unknown): boolean {
	return JSON.stringify(a ?? []) === JSON.stringify(b ?? []);
}

/** Stored contact values (e-mails, phones, links) plus `value` when it is not among them (any case). */
export function withContact(
	values: ContactValue[] | undefined,
	value: string | null,
	type: string | null,
): ContactValue[] {
	const current = values ?? [];
	if (!value) return current;
	const known = current.some((contact) => contact.value.toLowerCase() === value.toLowerCase());
	return known ? current : [...current, { value, type }];
}

/**
 * The body that gives a candidate `changes` while keeping every other stored field, and whether it
 * differs from what is stored (no write is needed when it does not).
 */
export function mergeCandidate(
	stored: Record<string, unknown> | undefined,
	changes: Partial<CandidateFields>,
): { body: Partial<CandidateFields>; changed: boolean } {
	const current = stored ? writableFields(stored) : {};
	const body = { ...current, ...changes };
	const changed =
		!stored ||
		CANDIDATE_FIELD_NAMES.some((name) =>
			Array.isArray(body[name]) || Array.isArray(current[name])
				? !sameContacts(body[name], current[name])
				: (body[name] ?? null) !== (current[name] ?? null),
		);
	return { body, changed };
}
