/**
 * What "Fetch Test Event" shows: a recent ready result, read without touching the sync's state, so that
 * the user sees the items' shape whether or not anything finished since the last poll.
 */
import type { RawSession } from '../../shared/codesignal/sessions';
import { settle } from './engine';
import { allTests, type SyncSource } from './source';

/** Tests looked at before giving up: a sample should not cost a full pass over a large company. */
export const SAMPLED_TESTS = 10;

/** The newest ready result of the most recently created tests that have one. */
export async function sampleResult(
	source: SyncSource,
	testIds: string[] | undefined,
	pageSize: number,
): Promise<RawSession | undefined> {
	const candidates = testIds ?? (await allTests(source, pageSize)).map((test) => test.id).reverse();
	for (const testId of candidates.slice(0, SAMPLED_TESTS)) {
		const sessions = await source.listSessions(testId, { offset: 0, first: pageSize });
		const ready = sessions.find(
			(session): session is RawSession => typeof session?.finishDate === 'number' && settle(session, true) === 'emit',
		);
		if (ready) return ready;
	}
	return undefined;
}
