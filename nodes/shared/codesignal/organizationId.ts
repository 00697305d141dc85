/**
 * The Endorsed organization id is a whole number that Endorsed assigns; CodeSignal sends it back in the
 * `x-endorsed-organization-id` custom header of every delivery.
 */

export const ORGANIZATION_HEADER = 'x-endorsed-organization-id';

export type OrganizationIdCheck = { ok: true; organizationId?: string } | { ok: false; message: string };

/** An empty id means "do not check the header"; anything else must be a whole number. */
export function parseOrganizationId(value: unknown): OrganizationIdCheck {
	const text = value === undefined || value === null ? '' : String(value).trim();
	if (text === '') return { ok: true };
	if (!/^\d+$/.test(text)) {
		return {
			ok: false,
			message: `Endorsed Organization ID must be a whole number such as 12345 (got "${text}")`,
		};
	}
	return { ok: true, organizationId: text.replace(/^0+(?=\d)/, '') };
}
