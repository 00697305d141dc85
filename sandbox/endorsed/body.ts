import type { IncomingMessage } from 'http';
import { ApiError, invalidArgument } from './errors';
import { boundaryOf, parseMultipart, type UploadedFile } from './multipart';
import { isPlainObject, type Fields } from './validation';

export interface RequestBody {
	fields: Fields;
	files: Record<string, UploadedFile>;
}

const MAX_BODY_BYTES = 20 * 1024 * 1024;

export async function readRaw(request: IncomingMessage): Promise<Buffer> {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of request) {
		size += (chunk as Buffer).length;
		if (size > MAX_BODY_BYTES) throw new ApiError(413, 'PAYLOAD_TOO_LARGE', ['Request body exceeds 20 MB']);
		chunks.push(chunk as Buffer);
	}
	return Buffer.concat(chunks);
}

/** JSON, form-encoded or multipart, by Content-Type; an empty body is an empty object. */
export function parseBody(raw: Buffer, contentType: string | undefined): RequestBody {
	if (!raw.length) return { fields: {}, files: {} };
	const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
	if (type === 'application/json' || type.endsWith('+json')) return { fields: parseJsonObject(raw), files: {} };
	if (type === 'application/x-www-form-urlencoded') {
		return { fields: Object.fromEntries(new URLSearchParams(raw.toString('utf8'))), files: {} };
	}
	if (type === 'multipart/form-data') {
		const boundary = boundaryOf(contentType ?? '');
		const parsed = boundary ? parseMultipart(raw, boundary) : undefined;
		if (!parsed) throw invalidArgument(['Malformed multipart/form-data body']);
		return parsed;
	}
	throw new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', [
		`Unsupported Content-Type ${type || '(none)'}: send application/json, form-encoded or multipart/form-data`,
	]);
}

function parseJsonObject(raw: Buffer): Fields {
	let value: unknown;
	try {
		value = JSON.parse(raw.toString('utf8'));
	} catch {
		throw invalidArgument(['Request body is not valid JSON']);
	}
	if (!isPlainObject(value)) throw invalidArgument(['Request body must be a JSON object']);
	return value;
}
