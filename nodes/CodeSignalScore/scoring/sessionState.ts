/**
 * Why a session has no value to score. Items can come from any node (or be built by hand), so every
 * read tolerates missing fields and wrong types.
 */
import type { SessionItem } from '../../shared/codesignal/sessions';
import { languageNames } from './languages';

/** Statuses in which CodeSignal has no (final) result for the session. */
const NO_RESULT_BECAUSE: Record<string, string> = {
	pending: 'No result yet: the session is pending',
	active: 'No result yet: the session is in progress',
	gracePeriod: 'No result yet: the session is in its grace period',
	finalizing: 'No result yet: the session is being finalised',
	expired: 'No result: the session expired',
	declined: 'No result: the candidate declined the test',
	deleted: 'No result: the session was deleted',
	deletedForPii: 'No result: the session was deleted',
};

/** Why the session cannot have a result, or null when it can (finished, archived, or an unknown status). */
export const noResultReason = (session: SessionItem): string | null => NO_RESULT_BECAUSE[session.status] ?? null;

/** Sessions read at "summary" detail carry no task results, so languages and per-task data are unknown. */
const hasTaskResults = (session: SessionItem): boolean => Array.isArray(session.tasks);

const WITHOUT_RESULTS = 'No results in the item: read the session with its results';

/** Why a value that comes with the result is missing: no result at all, or not read, or absent. */
export function missingResultReason(session: SessionItem, absent: string): string {
	return noResultReason(session) ?? (hasTaskResults(session) ? absent : WITHOUT_RESULTS);
}

export const VERIFICATION_WORDS: Record<string, string> = {
	verified: 'verified',
	notVerified: 'not verified',
	pending: 'pending',
};

/** Display names of the languages used; null when unknown (no result yet, or read without results). */
export function languagesUsed(session: SessionItem): string[] | null {
	if (noResultReason(session) || !hasTaskResults(session) || !Array.isArray(session.languages)) return null;
	return languageNames(session.languages.filter((language): language is string => typeof language === 'string'));
}

export const noLanguagesReason = (session: SessionItem): string =>
	missingResultReason(session, 'No languages in the session');

/** Whether the session was flagged for integrity review; null when unknown (before a result exists). */
export function integrityFlagged(session: SessionItem): boolean | null {
	if (noResultReason(session) || typeof session.integrityFlag !== 'boolean') return null;
	return session.integrityFlag;
}

export const noIntegrityReason = (session: SessionItem): string =>
	noResultReason(session) ?? 'No integrity information in the session';
