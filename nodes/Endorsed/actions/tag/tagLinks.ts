/**
 * Candidate Tag and Job Tag: a tag put on a candidate or on a job (/candidate_tags, /job_tags). Both work
 * alike, so one definition serves both resources: put a tag on once, list, take it off.
 */
import type { IDataObject } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { filtersCollection, returnAllAndLimit } from '../../../shared/descriptions';
import { forEachItem } from '../../../shared/forEachItem';
import type { Operation } from '../../../shared/router';
import { createUnlessExists } from '../../helpers/conflicts';
import { readReference, RECORDS, requiredText, resolveRecordId } from '../../helpers/references';
import { endorsedApiRequest } from '../../transport';
import { limitResults, recordLocator } from '../descriptions';
import { tagIdProperty } from './tagType';

export interface TagLinks {
	resource: 'candidateTag' | 'jobTag';
	owner: 'candidate' | 'job';
	path: '/candidate_tags' | '/job_tags';
	/** The delete operation's value. */
	deleteOperation: string;
	/** The delete operation's parameter: the link's ID. */
	linkIdParameter: string;
}

export const CANDIDATE_TAGS: TagLinks = {
	resource: 'candidateTag',
	owner: 'candidate',
	path: '/candidate_tags',
	deleteOperation: 'deleteCandidateTag',
	linkIdParameter: 'candidateTagId',
};

export const JOB_TAGS: TagLinks = {
	resource: 'jobTag',
	owner: 'job',
	path: '/job_tags',
	deleteOperation: 'deleteJobTag',
	linkIdParameter: 'jobTagId',
};

const ownerField = (links: TagLinks) => `${links.owner}_id`;
const ownerFilter = (links: TagLinks) => `${links.owner}Id`;

/** A tag already on the record (409) is returned instead of added twice. */
export function createTagLink(links: TagLinks): Operation {
	const { noun } = RECORDS[links.owner];
	return {
		description: updateDisplayOptions({ show: { resource: [links.resource], operation: ['create'] } }, [
			recordLocator(links.owner),
			tagIdProperty,
		]),
		async execute(items) {
			return await forEachItem(this, items, async (itemIndex) => {
				const owner = readReference(this, links.owner, itemIndex);
				const body = {
					[ownerField(links)]: await resolveRecordId(this, links.owner, owner, itemIndex),
					tag_id: (this.getNodeParameter('tagId', itemIndex) as string).trim(),
				};
				return await createUnlessExists(
					this,
					{ method: 'POST', path: links.path, body, action: `tag the ${noun}` },
					async () => {
						const { results } = await endorsedApiRequest.call(
							this,
							{ method: 'GET', path: links.path, qs: body, action: `list the ${noun}'s tags` },
							itemIndex,
						);
						return results?.[0];
					},
					itemIndex,
				);
			});
		},
	};
}

export function deleteTagLink(links: TagLinks): Operation {
	const { noun, label } = RECORDS[links.owner];
	return {
		description: updateDisplayOptions({ show: { resource: [links.resource], operation: [links.deleteOperation] } }, [
			{
				displayName: `${label} Tag ID`,
				name: links.linkIdParameter,
				type: 'string',
				default: '',
				required: true,
				description: `The Endorsed ID (UUID) of the link between the ${noun} and the tag`,
			},
		]),
		async execute(items) {
			return await forEachItem(this, items, async (itemIndex) => {
				const id = encodeURIComponent(requiredText(this, links.linkIdParameter, itemIndex));
				const { result } = await endorsedApiRequest.call(
					this,
					{ method: 'DELETE', path: `${links.path}/${id}`, action: `remove the tag from the ${noun}` },
					itemIndex,
				);
				return { ...result, deleted: true };
			});
		},
	};
}

export function getManyTagLinks(links: TagLinks): Operation {
	const { noun, label } = RECORDS[links.owner];
	return {
		description: updateDisplayOptions({ show: { resource: [links.resource], operation: ['getMany'] } }, [
			...returnAllAndLimit,
			filtersCollection([
				{
					displayName: `${label} ID`,
					name: ownerFilter(links),
					type: 'string',
					default: '',
					description: `Only the tags of this ${noun} (Endorsed ID, a UUID)`,
				},
				{
					displayName: 'Tag ID',
					name: 'tagId',
					type: 'string',
					default: '',
					description: `Only the ${noun}s with this tag (Endorsed ID, a UUID)`,
				},
			]),
		]),
		async execute(items) {
			return await forEachItem(this, items, async (itemIndex) => {
				const filters = this.getNodeParameter('filters', itemIndex) as IDataObject;
				const qs: IDataObject = {};
				if (filters[ownerFilter(links)]) qs[ownerField(links)] = (filters[ownerFilter(links)] as string).trim();
				if (filters.tagId) qs.tag_id = (filters.tagId as string).trim();
				const { results } = await endorsedApiRequest.call(
					this,
					{ method: 'GET', path: links.path, qs, action: `list ${noun} tags` },
					itemIndex,
				);
				return limitResults(this, itemIndex, results ?? []);
			});
		},
	};
}
