import { startEndorsedSandbox, type EndorsedSandbox, type EndorsedSandboxOptions } from '../../../sandbox/endorsed';

export interface ApiResponse {
	status: number;
	headers: Headers;
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	body: any;
}

/** A manual clock for token expiry and evaluation delays. */
export class TestClock {
	constructor(public ms = Date.UTC(2025, 0, 15, 9, 0, 0)) {}

	readonly now = () => this.ms;

	advance(ms: number): void {
		this.ms += ms;
	}
}

export async function requestToken(
	sandbox: EndorsedSandbox,
	fields: Record<string, string> = {},
): Promise<ApiResponse> {
	const body = new URLSearchParams({
		client_id: sandbox.clientId,
		client_secret: sandbox.clientSecret,
		grant_type: 'client_credentials',
		...fields,
	});
	return toApiResponse(await fetch(`${sandbox.baseUrl}/auth/tokens`, { method: 'POST', body }));
}

/** Calls the sandbox's API v1 with a bearer token; JSON bodies, or FormData as multipart. */
export class Api {
	constructor(
		readonly sandbox: EndorsedSandbox,
		readonly token: string,
	) {}

	request(method: string, path: string, body?: unknown): Promise<ApiResponse> {
		const headers: Record<string, string> = { authorization: `Bearer ${this.token}` };
		let payload: BodyInit | undefined;
		if (body instanceof FormData) payload = body;
		else if (body !== undefined) {
			headers['content-type'] = 'application/json';
			payload = JSON.stringify(body);
		}
		return fetch(`${this.sandbox.baseUrl}${path}`, { method, headers, body: payload }).then(toApiResponse);
	}

	get = (path: string) => this.request('GET', path);
	post = (path: string, body: unknown) => this.request('POST', path, body);
	put = (path: string, body: unknown) => this.request('PUT', path, body);
	patch = (path: string, body: unknown) => this.request('PATCH', path, body);
	delete = (path: string) => this.request('DELETE', path);

	/** POSTs and returns the new record's id, failing loudly on anything but 201. */
	async create(path: string, body: unknown): Promise<string> {
		const response = await this.post(path, body);
		if (response.status !== 201) {
			throw new Error(`POST ${path} answered ${response.status}: ${JSON.stringify(response.body)}`);
		}
		return response.body.result.id;
	}
}

export async function connect(sandbox: EndorsedSandbox, scope?: string): Promise<Api> {
	const token = await requestToken(sandbox, scope ? { scope } : {});
	return new Api(sandbox, token.body.access_token);
}

/** Starts a sandbox per test and closes it afterwards. */
export function useSandbox(options: () => EndorsedSandboxOptions = () => ({})): () => EndorsedSandbox {
	let sandbox: EndorsedSandbox | undefined;
	beforeEach(async () => {
		sandbox = await startEndorsedSandbox(options());
	});
	afterEach(async () => {
		await sandbox?.close();
	});
	return () => sandbox as EndorsedSandbox;
}

export function issueMessages(response: ApiResponse): string[] {
	return response.body.error.issues.map((issue: { message: string }) => issue.message);
}

export const jobBody = (overrides: Record<string, unknown> = {}) => ({
	title: 'Backend Engineer',
	description: 'Builds APIs',
	status: 'open',
	remote_id: 'job-backend',
	...overrides,
});

export const candidateBody = (remoteId: string, overrides: Record<string, unknown> = {}) => ({
	first_name: remoteId.split('@')[0],
	remote_id: remoteId,
	...overrides,
});

/** A text file upload, as the Endorsed node sends one. */
export function reportUpload(
	fields: { candidate_id?: string; remote_id?: string; type?: string },
	text: string,
	fileName = 'report.txt',
): FormData {
	const form = new FormData();
	for (const [name, value] of Object.entries(fields)) if (value !== undefined) form.set(name, value);
	form.set('file', new Blob([text], { type: 'text/plain' }), fileName);
	return form;
}

async function toApiResponse(response: Response): Promise<ApiResponse> {
	const text = await response.text();
	return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}
