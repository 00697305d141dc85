import { invalidArgument, notFound } from '../errors';
import type { RankingEntry } from '../ranking';
import { ok, okList, type Route } from '../router';
import type { EndorsedStore } from '../store';

const DEFAULT_LIMIT = 25;
const MAX_LIMIT = 100;

/**
 * target_resource_id: a job ranks its nominated candidates by criteria; a candidate or an attachment
 * ranks the other candidates by how much of its text their attachments share. q ranks by text too.
 */
function rank(store: EndorsedStore, query: URLSearchParams): RankingEntry[] {
	const target = query.get('target_resource_id');
	const text = query.get('q');
	if (!target === !text) throw invalidArgument(['send exactly one of target_resource_id and q']);
	if (text) return store.rankByText(text);
	const job = store.jobs.byId(target as string);
	if (job) return store.rankings(job.id);
	const candidate = store.candidates.byId(target as string);
	if (candidate) return store.rankByText(store.textOf(candidate.id), candidate.id);
	const attachment = store.attachments.byId(target as string);
	if (attachment) return store.rankByText(attachment.text, attachment.candidate_id ?? undefined);
	throw notFound(`target_resource_id: no job, candidate or attachment with id ${target}`);
}

/** Keeps the candidates nominated to the job, with that nomination's id. */
function filterByJob(store: EndorsedStore, entries: RankingEntry[], jobRef: string): RankingEntry[] {
	const job = store.jobs.requireReference(jobRef, 'filter_job_id');
	return entries.flatMap((entry) => {
		const nomination = store.nominationOf(entry.candidate_id, job.id);
		return nomination ? [{ ...entry, nomination_id: nomination.id }] : [];
	});
}

function nonNegativeInteger(query: URLSearchParams, name: string, fallback: number): number {
	const raw = query.get(name);
	if (raw === null) return fallback;
	const value = Number(raw);
	if (!/^\d+$/.test(raw) || !Number.isSafeInteger(value)) {
		throw invalidArgument([`${name} must be a non-negative integer`]);
	}
	return value;
}

export const rankingRoutes: Route[] = [
	{
		method: 'GET',
		pattern: '/candidate_rankings',
		handle({ store, query }) {
			const offset = nonNegativeInteger(query, 'offset', 0);
			const limit = nonNegativeInteger(query, 'limit', DEFAULT_LIMIT);
			if (limit < 1 || limit > MAX_LIMIT) throw invalidArgument([`limit must be between 1 and ${MAX_LIMIT}`]);
			const jobFilter = query.get('filter_job_id');
			const entries = rank(store, query);
			return okList((jobFilter ? filterByJob(store, entries, jobFilter) : entries).slice(offset, offset + limit));
		},
	},
	{
		// One candidate's entry in a job's ranking: filter_job_id, else the job of their latest nomination.
		method: 'GET',
		pattern: '/candidate_rankings/{candidate_id}',
		handle({ store, params, query }) {
			const candidate = store.candidates.require(params.candidate_id);
			const jobRef = query.get('filter_job_id');
			const jobId = jobRef
				? store.jobs.requireReference(jobRef, 'filter_job_id').id
				: store.nominations.filter((nomination) => nomination.candidate_id === candidate.id).pop()?.job_id;
			const entry = jobId && store.rankings(jobId).find((ranked) => ranked.candidate_id === candidate.id);
			if (!entry) throw notFound(`candidate ${candidate.id} is not nominated${jobRef ? ` to job ${jobRef}` : ''}`);
			return ok(entry);
		},
	},
];
