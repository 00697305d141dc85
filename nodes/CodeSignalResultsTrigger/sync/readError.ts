/** Reads during a sync name where they were when they fail: the node shows that beside the transport's error. */
import { StepError } from '../../shared/errors';

/** Runs one read, naming where it was if it fails (the innermost read names it). */
export async function reading<T>(where: string, read: () => Promise<T>): Promise<T> {
	try {
		return await read();
	} catch (error) {
		throw error instanceof StepError ? error : new StepError(`The sync stopped while ${where}.`, error);
	}
}
