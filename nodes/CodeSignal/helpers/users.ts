/** CodeSignal users (test authors, interviewers) as the node emits them. */

export const USER_FIELDS = 'id username profile { name email }';

export interface RawUser {
	id?: string;
	username?: string | null;
	profile?: { name?: string | null; email?: string | null } | null;
}

export interface UserItem {
	id: string | null;
	name: string | null;
	email: string | null;
}

export function normalizeUser(raw: RawUser | null | undefined): UserItem | null {
	if (!raw) return null;
	return { id: raw.id ?? null, name: raw.profile?.name ?? raw.username ?? null, email: raw.profile?.email ?? null };
}
