/** An error whose message is meant for the API client, as CodeSignal would word it. */
export class SandboxError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'SandboxError';
	}
}
