import { CANDIDATE_TAGS, deleteTagLink } from '../tag/tagLinks';

export const { description, execute } = deleteTagLink(CANDIDATE_TAGS);
