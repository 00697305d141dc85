/**
 * Membership roles: CodeSignal's system roles, which every company may assign, and the company's own roles,
 * which the role mutations create, edit and delete. Keys are human-readable, as CodeSignal's are.
 */
import { isEnumType } from 'graphql';

import { SandboxError } from './errors';
import type { RoleRecord, UserRecord } from './model';
import { codeSignalSchema } from './schema';
import { checkOwnCompany } from './validation';

/** What the seeded system roles grant (names from the schema's AccessType). */
const SYSTEM_ROLE_PERMISSIONS: Record<string, string[]> = {
	'Company Admin': [
		'company_read',
		'company_write',
		'company_test_read',
		'company_test_create',
		'company_test_session_read',
		'company_test_session_create',
		'interview_read',
		'interview_create',
		'interview_template_read',
		'interview_template_write',
		'role_list_read',
		'role_list_write',
		'role_list_delete',
		'team_list_read',
		'team_list_write',
	],
	Recruiter: [
		'company_read',
		'company_test_read',
		'company_test_session_read',
		'company_test_session_create',
		'interview_create',
		'interview_template_read',
	],
	'Hiring Manager': [
		'company_test_read',
		'company_test_session_read',
		'interview_read',
		'live_interview_feedback_read_all',
	],
	Interviewer: ['interview_read', 'live_interview_conduct', 'live_interview_feedback_write'],
};

let accessTypes: ReadonlySet<string> | undefined;

/** Permissions are the schema's AccessType names. */
function knownPermissions(): ReadonlySet<string> {
	if (!accessTypes) {
		const type = codeSignalSchema().getType('AccessType');
		accessTypes = new Set(isEnumType(type) ? type.getValues().map((value) => value.name) : []);
	}
	return accessTypes;
}

function checkPermissions(permissions: string[]): string[] {
	const unknown = permissions.find((permission) => !knownPermissions().has(permission));
	if (unknown !== undefined) throw new SandboxError(`Unknown permission "${unknown}"`);
	return [...new Set(permissions)];
}

function slug(title: string): string {
	return (
		title
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-|-$/g, '') || 'role'
	);
}

export class RoleRegistry {
	private readonly roles = new Map<string, RoleRecord>();

	/** The users' roles become the system roles; users holding the same role share one record. */
	constructor(
		private readonly companyId: string,
		users: UserRecord[],
	) {
		for (const user of users) {
			const known = this.roles.get(user.role.key);
			if (known) {
				user.role = known;
				continue;
			}
			user.role.companyId = null;
			user.role.permissions = [...(SYSTEM_ROLE_PERMISSIONS[user.role.title] ?? [])];
			this.roles.set(user.role.key, user.role);
		}
	}

	/** companyRoles: the system roles and the company's own, in creation order. */
	available(companyId: string | null | undefined): RoleRecord[] {
		checkOwnCompany(this.companyId, companyId);
		return [...this.roles.values()];
	}

	get(key: string): RoleRecord | undefined {
		return this.roles.get(key);
	}

	create(title: string, permissions: string[], companyId: string | null | undefined): RoleRecord {
		checkOwnCompany(this.companyId, companyId);
		const checkedTitle = this.checkTitle(title);
		const role: RoleRecord = {
			key: this.newKey(checkedTitle),
			title: checkedTitle,
			permissions: checkPermissions(permissions),
			companyId: this.companyId,
		};
		this.roles.set(role.key, role);
		return role;
	}

	edit(key: string, title: string, permissions: string[]): RoleRecord {
		const role = this.requireCompanyRole(key, 'edit');
		role.title = this.checkTitle(title, key);
		role.permissions = checkPermissions(permissions);
		return role;
	}

	/** CodeSignal says a system role always has assignees. */
	hasAssignees(role: RoleRecord, users: UserRecord[]): boolean {
		return role.companyId === null || users.some((user) => user.role.key === role.key);
	}

	/** Only an unassigned company role can go. */
	delete(key: string, users: UserRecord[]): string {
		this.requireCompanyRole(key, 'delete');
		const assignees = users.filter((user) => user.role.key === key).length;
		if (assignees > 0) {
			throw new SandboxError(
				`Cannot delete role "${key}": it is assigned to ${assignees} ${assignees === 1 ? 'member' : 'members'}`,
			);
		}
		this.roles.delete(key);
		return key;
	}

	private checkTitle(title: string, exceptKey?: string): string {
		const trimmed = title.trim();
		if (!trimmed) throw new SandboxError('A role needs a title');
		const clash = [...this.roles.values()].find(
			(role) => role.key !== exceptKey && role.title.toLowerCase() === trimmed.toLowerCase(),
		);
		if (clash) throw new SandboxError(`A role titled "${clash.title}" already exists (key "${clash.key}")`);
		return trimmed;
	}

	private newKey(title: string): string {
		const base = slug(title);
		let key = base;
		for (let suffix = 2; this.roles.has(key); suffix++) key = `${base}-${suffix}`;
		return key;
	}

	private requireCompanyRole(key: string, action: string): RoleRecord {
		const role = this.roles.get(key);
		if (!role) throw new SandboxError(`Role "${key}" not found`);
		if (role.companyId === null) {
			throw new SandboxError(`Cannot ${action} role "${key}": it is a system role; only company roles can change`);
		}
		return role;
	}
}
