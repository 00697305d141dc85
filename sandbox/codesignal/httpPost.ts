/** One outgoing POST, as CodeSignal's webhook worker sends it: no keep-alive, a hard timeout, never throws. */
import http from 'http';
import https from 'https';

export interface PostAnswer {
	/** 0 when no HTTP answer arrived (refused, reset, timed out). */
	status: number;
	body: string;
}

export async function post(
	url: string,
	body: string,
	headers: Record<string, string>,
	timeoutMs: number,
): Promise<PostAnswer> {
	const target = new URL(url);
	const transport = target.protocol === 'https:' ? https : http;
	return await new Promise((resolve) => {
		const request = transport.request(
			target,
			{
				method: 'POST',
				agent: false,
				headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
			},
			(response) => {
				const chunks: Buffer[] = [];
				response.on('data', (chunk: Buffer) => chunks.push(chunk));
				response.on('end', () =>
					resolve({
						status: response.statusCode ?? 0,
						body: Buffer.concat(chunks).toString('utf8'),
					}),
				);
				response.on('error', (error) => resolve({ status: 0, body: error.message }));
			},
		);
		request.setTimeout(timeoutMs, () =>
			request.destroy(new Error(`No answer within ${timeoutMs} ms`)),
		);
		request.on('error', (error) => resolve({ status: 0, body: error.message }));
		request.end(body);
	});
}
