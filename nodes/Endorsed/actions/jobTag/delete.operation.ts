import { deleteTagLink, JOB_TAGS } from '../tag/tagLinks';

export const { description, execute } = deleteTagLink(JOB_TAGS);
