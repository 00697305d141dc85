/** A minimal multipart/form-data parser (RFC 7578), enough for attachment uploads. */

export interface UploadedFile {
	fileName: string | null;
	contentType: string;
	data: Buffer;
}

export interface MultipartBody {
	fields: Record<string, string>;
	files: Record<string, UploadedFile>;
}

export function boundaryOf(contentType: string): string | undefined {
	const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
	return match?.[1] ?? match?.[2];
}

/** Returns undefined when the body is not well-formed multipart for this boundary. */
export function parseMultipart(body: Buffer, boundary: string): MultipartBody | undefined {
	const result: MultipartBody = { fields: {}, files: {} };
	const delimiter = Buffer.from(`--${boundary}`);
	let position = body.indexOf(delimiter);
	if (position === -1) return undefined;
	for (;;) {
		const partStart = position + delimiter.length;
		if (body.subarray(partStart, partStart + 2).toString() === '--') return result;
		const next = body.indexOf(Buffer.from(`\r\n--${boundary}`), partStart);
		if (next === -1) return undefined;
		const part = body.subarray(partStart + 2, next);
		const headerEnd = part.indexOf('\r\n\r\n');
		if (headerEnd === -1) return undefined;
		addPart(result, part.subarray(0, headerEnd).toString('utf8'), part.subarray(headerEnd + 4));
		position = next + 2;
	}
}

function addPart(result: MultipartBody, headers: string, data: Buffer): void {
	const disposition = /content-disposition:([^\r\n]*)/i.exec(headers)?.[1] ?? '';
	const name = /\bname="([^"]*)"/i.exec(disposition)?.[1];
	if (!name) return;
	const fileName = /\bfilename="([^"]*)"/i.exec(disposition)?.[1];
	if (fileName === undefined) {
		result.fields[name] = data.toString('utf8');
		return;
	}
	const contentType = /content-type:\s*([^\r\n]*)/i.exec(headers)?.[1]?.trim() || 'application/octet-stream';
	result.files[name] = { fileName: fileName || null, contentType, data };
}
