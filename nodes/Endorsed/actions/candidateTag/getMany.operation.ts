import { CANDIDATE_TAGS, getManyTagLinks } from '../tag/tagLinks';

export const { description, execute } = getManyTagLinks(CANDIDATE_TAGS);
