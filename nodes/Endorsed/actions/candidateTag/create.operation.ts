import { CANDIDATE_TAGS, createTagLink } from '../tag/tagLinks';

export const { description, execute } = createTagLink(CANDIDATE_TAGS);
