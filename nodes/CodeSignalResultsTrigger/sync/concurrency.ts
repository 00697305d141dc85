/**
 * Runs tasks with at most `concurrency` in flight. After the first failure no task starts, `onFailure`
 * lets the running ones wind down, and once they have, the failure is rethrown: nothing keeps sending
 * requests after the caller has given up.
 */
export async function runConcurrently(
	tasks: Array<() => Promise<void>>,
	concurrency: number,
	onFailure: () => void,
): Promise<void> {
	let next = 0;
	let failure: { error: unknown } | undefined;
	const worker = async () => {
		while (!failure && next < tasks.length) {
			const task = tasks[next++];
			try {
				await task();
			} catch (error) {
				if (!failure) {
					failure = { error };
					onFailure();
				}
			}
		}
	};
	await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, tasks.length)) }, worker));
	if (failure) throw failure.error;
}
