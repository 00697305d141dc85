/**
 * Why a finished session never reached Endorsed in a torture run, from what the run recorded: when the
 * sandbox returned it as a null list entry, and the trigger's saved state sampled every few seconds (its
 * test's cursor, the sessions in flight). The question each diagnosis answers: did a null hide the session
 * during a scan that then moved the cursor past it (below the look-back, so no later poll reads it again),
 * was it handed over and lost afterwards, or neither.
 */
import type { SyncState } from '../../nodes/CodeSignalResultsTrigger/sync/engine';
import type { TestCursor } from '../../nodes/CodeSignalResultsTrigger/sync/cursor';
import type { SessionRecord } from '../../sandbox/codesignal';

export interface NulledEntry {
	id: string;
	/** Epoch ms. */
	at: number;
}

export interface CursorSample {
	/** Epoch ms. */
	at: number;
	state: Pick<SyncState, 'tests'> & Partial<SyncState>;
}

export type MissingCause =
	/** A null hid it, the cursor moved past it, and it lies below the look-back: the engine gap of issue 13. */
	| 'hidden by a null, passed by the cursor'
	/** The trigger handed it to an execution, and no report followed. */
	| 'handed over, never pushed'
	| 'not explained';

export interface MissingDiagnosis {
	id: string;
	testId: string;
	finishDate: string;
	/** Seconds since activation at which the sandbox returned it as null. */
	nulledAt: number[];
	/** Seconds since activation of the first cursor sample past it (undefined: never passed). */
	passedAt?: number;
	/** How that sample's cursor covered it: a drain (newest first, across days) or `through`. */
	passedBy?: string;
	/** Whether it was ever among the sessions in flight (handed over) in a sample. */
	handedOver: boolean;
	/** The test's cursor in the last sample. */
	finalCursor?: { through: string; lookBackFrom?: string; drain?: { newest: string; oldest: string; offset: number } };
	cause: MissingCause;
}

const iso = (at: number) => new Date(at).toISOString();

/** Whether the cursor counts the session as done: before `through`, at `through` by id, or within a drain. */
export function cursorIsPast(cursor: TestCursor | undefined, id: string, finishDate: number): boolean {
	if (!cursor) return false;
	const { through, drain } = cursor;
	if (finishDate < through.at || (finishDate === through.at && through.ids.includes(id))) return true;
	if (!drain) return false;
	if (finishDate > drain.oldest.at && finishDate < drain.newest.at) return true;
	return [drain.oldest, drain.newest].some((mark) => mark.at === finishDate && mark.ids.includes(id));
}

export function diagnoseMissing(
	session: SessionRecord,
	recorded: { nulled: NulledEntry[]; cursors: CursorSample[]; activatedAt: number },
): MissingDiagnosis {
	const seconds = (at: number) => Math.round((at - recorded.activatedAt) / 1000);
	const finishDate = session.finishDate ?? 0;
	const nulls = recorded.nulled.filter((entry) => entry.id === session.id).map((entry) => entry.at);
	const passed = recorded.cursors.find((sample) => cursorIsPast(sample.state.tests[session.testId], session.id, finishDate));
	const handedOver = recorded.cursors.some((sample) => (sample.state.inFlight ?? []).some((flight) => flight.id === session.id));
	const last = recorded.cursors[recorded.cursors.length - 1]?.state.tests[session.testId];
	const belowLookBack = last?.lookBackFrom !== undefined && finishDate < last.lookBackFrom;
	const hiddenWhenPassed = passed !== undefined && nulls.some((at) => at <= passed.at);
	let cause: MissingCause = 'not explained';
	if (handedOver) cause = 'handed over, never pushed';
	else if (hiddenWhenPassed && belowLookBack) cause = 'hidden by a null, passed by the cursor';
	return {
		id: session.id,
		testId: session.testId,
		finishDate: iso(finishDate),
		nulledAt: nulls.map(seconds),
		passedAt: passed ? seconds(passed.at) : undefined,
		passedBy: passed && coverage(passed.state.tests[session.testId], finishDate),
		handedOver,
		finalCursor: last && {
			through: iso(last.through.at),
			lookBackFrom: last.lookBackFrom !== undefined ? iso(last.lookBackFrom) : undefined,
			drain: last.drain && { newest: iso(last.drain.newest.at), oldest: iso(last.drain.oldest.at), offset: last.drain.offset },
		},
		cause,
	};
}

/** In words, what in the cursor covers a finish date. */
function coverage(cursor: TestCursor | undefined, finishDate: number): string | undefined {
	if (!cursor) return undefined;
	const { drain } = cursor;
	if (drain && finishDate >= drain.oldest.at && finishDate <= drain.newest.at) {
		return `a drain from ${iso(drain.newest.at)} down to ${iso(drain.oldest.at)}, look-back from ${cursor.lookBackFrom !== undefined ? iso(cursor.lookBackFrom) : '-'}`;
	}
	return `through ${iso(cursor.through.at)}`;
}

export function describeDiagnosis(diagnosis: MissingDiagnosis): string {
	const cursor = diagnosis.finalCursor;
	const parts = [
		`${diagnosis.id} (test ${diagnosis.testId}) finished ${diagnosis.finishDate}`,
		diagnosis.nulledAt.length > 0 ? `null at ${diagnosis.nulledAt.join(', ')} s` : 'never null',
		diagnosis.passedAt !== undefined ? `cursor past it from ${diagnosis.passedAt} s (${diagnosis.passedBy})` : 'cursor never past it',
		diagnosis.handedOver ? 'handed over' : 'never handed over',
		cursor ? `cursor now through ${cursor.through}, look-back from ${cursor.lookBackFrom ?? '-'}` : 'no cursor sampled',
	];
	return `${parts.join('; ')}: ${diagnosis.cause}`;
}
