import { getManyTagLinks, JOB_TAGS } from '../tag/tagLinks';

export const { description, execute } = getManyTagLinks(JOB_TAGS);
