import type { Collection } from '../collection';
import { conflict } from '../errors';
import { TAG_TYPES, type CandidateTagRecord, type JobTagRecord, type TagRecord } from '../records';
import { created, ok, okList, type Route } from '../router';
import type { EndorsedStore } from '../store';
import { validateFields, type FieldSpec } from '../validation';

type Link = { id: string; tag_id: string; created_at: string };
type CollectionOf<T extends { id: string }> = (store: EndorsedStore) => Collection<T>;

const TAG_FIELDS: FieldSpec[] = [
	{ name: 'name', type: 'string', required: true },
	{ name: 'tag_type', type: { enum: TAG_TYPES }, required: true },
];

/** GET the list (narrowed by any `filters` given as query parameters), GET one, DELETE one. */
function readAndDeleteRoutes<T extends { id: string }>(
	path: string,
	collectionOf: CollectionOf<T>,
	filters: Array<keyof T & string>,
	onDelete?: (store: EndorsedStore, record: T) => void,
): Route[] {
	return [
		{
			method: 'GET',
			pattern: path,
			handle: ({ store, query }) => {
				const matches = (record: T) => filters.every((name) => !query.has(name) || record[name] === query.get(name));
				return okList(collectionOf(store).filter(matches));
			},
		},
		{
			method: 'GET',
			pattern: `${path}/{id}`,
			handle: ({ store, params }) => ok(collectionOf(store).require(params.id)),
		},
		{
			method: 'DELETE',
			pattern: `${path}/{id}`,
			handle({ store, params }) {
				const record = collectionOf(store).require(params.id);
				collectionOf(store).delete(record.id);
				onDelete?.(store, record);
				return ok({ id: record.id });
			},
		},
	];
}

/** POST /candidate_tags or /job_tags: puts a tag on a candidate or a job, once per pair. */
function linkRoute<L extends Link>(
	path: string,
	ownerField: 'candidate_id' | 'job_id',
	ownersOf: CollectionOf<{ id: string }>,
	linksOf: CollectionOf<L>,
): Route {
	return {
		method: 'POST',
		pattern: path,
		handle({ store, body }) {
			const fields = validateFields(body.fields, [
				{ name: ownerField, type: 'string', required: true },
				{ name: 'tag_id', type: 'string', required: true },
			]);
			const ownerId = ownersOf(store).requireReference(fields[ownerField] as string, ownerField).id;
			const tagId = store.tags.requireReference(fields.tag_id as string, 'tag_id').id;
			const links = linksOf(store);
			const existing = links.filter((link) => link.tag_id === tagId && link[ownerField as keyof L] === ownerId)[0];
			if (existing) throw conflict(`tag ${tagId} is already on ${ownerId} (id ${existing.id})`);
			const link = { id: store.newId(), [ownerField]: ownerId, tag_id: tagId, created_at: store.timestamp() };
			return created(links.insert(link as unknown as L).id);
		},
	};
}

function removeLinks(store: EndorsedStore, tag: TagRecord): void {
	for (const links of [store.candidateTags, store.jobTags] as Array<Collection<Link>>) {
		for (const link of links.filter((candidate) => candidate.tag_id === tag.id)) links.delete(link.id);
	}
}

export const tagRoutes: Route[] = [
	{
		method: 'POST',
		pattern: '/tags',
		handle({ store, body }) {
			const fields = validateFields(body.fields, TAG_FIELDS) as Pick<TagRecord, 'name' | 'tag_type'>;
			const duplicate = store.tags.filter((tag) => tag.name === fields.name && tag.tag_type === fields.tag_type)[0];
			if (duplicate) {
				throw conflict(`a ${fields.tag_type} tag named ${fields.name} already exists (id ${duplicate.id})`);
			}
			return created(store.tags.insert({ id: store.newId(), ...fields, created_at: store.timestamp() }).id);
		},
	},
	...readAndDeleteRoutes('/tags', (store) => store.tags, ['tag_type'], removeLinks),
	linkRoute('/candidate_tags', 'candidate_id', (store) => store.candidates, (store) => store.candidateTags),
	...readAndDeleteRoutes<CandidateTagRecord>('/candidate_tags', (store) => store.candidateTags, [
		'candidate_id',
		'tag_id',
	]),
	linkRoute('/job_tags', 'job_id', (store) => store.jobs, (store) => store.jobTags),
	...readAndDeleteRoutes<JobTagRecord>('/job_tags', (store) => store.jobTags, ['job_id', 'tag_id']),
];
