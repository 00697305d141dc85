/**
 * The raw bytes of a delivery, as n8n hands them over. n8n reads the body into `rawBody` (a Buffer) for the
 * content types it parses; for any other type (or none) it leaves the stream unread and `readRawBody()` reads it.
 */
import { MAX_BODY_BYTES } from './delivery';
import type { RequestLocation } from './screening';

const bodyTooLarge = (byteLength: number) => byteLength > MAX_BODY_BYTES;

/** The parts of n8n's (express) request that carry the body, and where it was sent. */
export interface WebhookRequestBody extends RequestLocation {
	headers: Record<string, string | string[] | undefined>;
	contentType?: string;
	rawBody?: Buffer;
	readRawBody?: () => Promise<void>;
}

export type BodyRead = { ok: true; body: Buffer } | { ok: false; status: 400 | 413; reason: string };

/** raw-body, which n8n reads with, flags a body over n8n's own payload limit this way. */
const isTooLargeError = (error: { type?: unknown; status?: unknown }) =>
	error?.type === 'entity.too.large' || error?.status === 413;

export async function readRequestBody(req: WebhookRequestBody): Promise<BodyRead> {
	const declaredLength = Number(req.headers['content-length']);
	if (Number.isFinite(declaredLength) && bodyTooLarge(declaredLength)) {
		return { ok: false, status: 413, reason: `The body is declared as ${declaredLength} bytes` };
	}
	if (!Buffer.isBuffer(req.rawBody)) {
		// n8n has parsed a multipart body into fields itself: the bytes are gone, and CodeSignal never sends one.
		if (req.contentType?.startsWith('multipart/') || typeof req.readRawBody !== 'function') {
			return { ok: false, status: 400, reason: 'The body is not a JSON delivery' };
		}
		try {
			await req.readRawBody();
		} catch (error) {
			if (isTooLargeError(error)) return { ok: false, status: 413, reason: 'The body is too large' };
			return { ok: false, status: 400, reason: 'The body could not be read' };
		}
	}
	const body = Buffer.isBuffer(req.rawBody) ? req.rawBody : Buffer.alloc(0);
	if (bodyTooLarge(body.length)) return { ok: false, status: 413, reason: `The body is larger than ${MAX_BODY_BYTES} bytes` };
	return { ok: true, body };
}
