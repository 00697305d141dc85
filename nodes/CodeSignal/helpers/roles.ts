/** Membership roles (what a company member may do in CodeSignal) as the node reads and emits them. */

export const ROLE_FIELDS = 'key title permissions companyId hasAssignees';

export interface RawRole {
	key?: string | null;
	title?: string | null;
	permissions?: Array<string | null> | null;
	companyId?: string | null;
	hasAssignees?: boolean | null;
}

export interface RoleItem {
	key: string | null;
	title: string | null;
	permissions: string[];
	/** CodeSignal's own roles, which every company may assign, carry no company ID. */
	systemRole: boolean;
	companyId: string | null;
	/** Always true for system roles. */
	hasAssignees: boolean | null;
}

export function normalizeRole(raw: RawRole): RoleItem {
	return {
		key: raw.key ?? null,
		title: raw.title ?? null,
		permissions: (raw.permissions ?? []).filter((permission): permission is string => typeof permission === 'string'),
		systemRole: !raw.companyId,
		companyId: raw.companyId ?? null,
		hasAssignees: raw.hasAssignees ?? null,
	};
}
