/**
 * The package's own errors, without n8n types: code below the nodes throws these, saying what went wrong and
 * what to do; ./nodeErrors turns them into n8n's errors at the node's edge.
 */

/** A failure the user can act on: `description` says how. */
export class DescribedError extends Error {
	constructor(
		message: string,
		readonly description?: string,
	) {
		super(message);
		this.name = new.target.name;
	}
}

/** A request to a service that failed for good (after the transport's retries). */
export class ServiceRequestError extends DescribedError {
	constructor(
		message: string,
		description: string,
		readonly httpStatus?: number,
		/** The service's own name for the failure (Endorsed's error code, CodeSignal's failure kind). */
		readonly code?: string,
	) {
		super(message, description);
	}
}

/** A failure during one step of a longer task: n8n shows the cause, and `note` says where it happened. */
export class StepError extends Error {
	constructor(
		readonly note: string,
		readonly cause: unknown,
	) {
		super(cause instanceof Error ? cause.message : String(cause));
		this.name = 'StepError';
	}
}
