import { basename } from 'path';
import type { RequestBody } from '../body';
import { invalidArgument } from '../errors';
import { ATTACHMENT_TYPES, type AttachmentRecord } from '../records';
import { ok, type Route, type RouteResult } from '../router';
import type { EndorsedStore } from '../store';
import { validateFields, type FieldSpec, type Fields } from '../validation';
import { resolvePut, saveRecord } from './persist';

const ATTACHMENT_FIELDS: FieldSpec[] = [
	{ name: 'candidate_id', type: 'string' },
	{ name: 'remote_id', type: 'string', required: true },
	{ name: 'type', type: { enum: ATTACHMENT_TYPES }, required: true },
	{ name: 'file_name', type: 'string' },
	{ name: 'public_file_url', type: 'string' },
];

interface Content {
	content_type: string;
	size_bytes: number;
	text: string;
	file_name: string | null;
	public_file_url: string | null;
}

/**
 * The uploaded `file` part, or `public_file_url`. The sandbox makes no outbound requests: a data: URL
 * is decoded, any other URL is stored with empty text (so it affects no evaluation).
 */
function readContent(body: RequestBody, fields: Fields): Content | undefined {
	const file = body.files.file;
	const url = fields.public_file_url;
	if (file && url) throw invalidArgument(['send either a file part or public_file_url, not both']);
	if (file) {
		const { contentType, data, fileName } = file;
		return { ...decoded(contentType, data), file_name: fileName, public_file_url: null };
	}
	if (typeof url !== 'string') return undefined;
	if (url.startsWith('data:')) {
		const { contentType, bytes } = decodeDataUrl(url);
		return { ...decoded(contentType, bytes), file_name: null, public_file_url: url };
	}
	if (!URL.canParse(url)) throw invalidArgument(['public_file_url must be a URL']);
	const fileName = basename(new URL(url).pathname) || null;
	return { ...decoded('application/octet-stream', Buffer.alloc(0)), file_name: fileName, public_file_url: url };
}

function decoded(contentType: string, bytes: Buffer): Pick<Content, 'content_type' | 'size_bytes' | 'text'> {
	return { content_type: contentType, size_bytes: bytes.length, text: bytes.toString('utf8') };
}

function decodeDataUrl(url: string): { contentType: string; bytes: Buffer } {
	const match = /^data:([^,]*),(.*)$/s.exec(url);
	if (!match) throw invalidArgument(['public_file_url is not a valid data: URL']);
	const base64 = /;base64$/i.test(match[1]);
	const contentType = match[1].replace(/;base64$/i, '') || 'text/plain;charset=US-ASCII';
	const bytes = base64 ? Buffer.from(match[2], 'base64') : Buffer.from(decodeURIComponent(match[2]), 'utf8');
	return { contentType, bytes };
}

function currentContent({ content_type, size_bytes, text, file_name, public_file_url }: AttachmentRecord): Content {
	return { content_type, size_bytes, text, file_name, public_file_url };
}

/** Writes the attachment, then does what Endorsed does on a new attachment: re-evaluate and auto-nominate. */
function writeAttachment(
	store: EndorsedStore,
	body: RequestBody,
	target: { existing?: AttachmentRecord; body: Fields },
): RouteResult {
	const { existing } = target;
	const fields = validateFields(target.body, ATTACHMENT_FIELDS);
	store.attachments.assertRemoteIdFree(fields.remote_id as string, existing?.id);
	const candidateRef = fields.candidate_id;
	const candidateId =
		typeof candidateRef === 'string' ? store.candidates.requireReference(candidateRef, 'candidate_id').id : null;
	// A replacement without a new file keeps the current one.
	const content = readContent(body, fields) ?? (existing && currentContent(existing));
	if (!content) throw invalidArgument(['file or public_file_url is required']);
	const previousCandidateId = existing?.candidate_id ?? null;
	const result = saveRecord(store, store.attachments, existing, ATTACHMENT_FIELDS, {
		...fields,
		...content,
		file_name: (fields.file_name as string | undefined) ?? content.file_name,
		candidate_id: candidateId,
	});
	store.attachmentsChanged(previousCandidateId);
	store.attachmentsChanged(candidateId);
	if (candidateId) store.autoNominate(candidateId);
	return result;
}

/** The API never returns an attachment's text. */
function toApi(attachment: AttachmentRecord): Omit<AttachmentRecord, 'text'> {
	const { text: _text, ...rest } = attachment;
	return rest;
}

export const attachmentRoutes: Route[] = [
	{
		method: 'POST',
		pattern: '/attachments',
		handle: ({ store, body }) => writeAttachment(store, body, { body: body.fields }),
	},
	{
		method: 'GET',
		pattern: '/attachments/{id}',
		handle: ({ store, params }) => ok(toApi(store.attachments.require(params.id))),
	},
	{
		method: 'PUT',
		pattern: '/attachments/{id}',
		handle: ({ store, params, body }) =>
			writeAttachment(store, body, resolvePut(store.attachments, params.id, body.fields)),
	},
	{
		method: 'DELETE',
		pattern: '/attachments/{id}',
		handle({ store, params }) {
			const attachment = store.attachments.require(params.id);
			store.attachments.delete(attachment.id);
			store.attachmentsChanged(attachment.candidate_id);
			return ok({ id: attachment.id });
		},
	},
];
