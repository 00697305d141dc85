import { createTagLink, JOB_TAGS } from '../tag/tagLinks';

export const { description, execute } = createTagLink(JOB_TAGS);
