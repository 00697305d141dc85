/**
 * One poll of the sync: every session that finished (or, proctored, got its verification verdict) since
 * the last poll, across the watched tests, within a cap on items and a time budget.
 *
 * Nothing here changes the previous state: the poll returns the next one, which the caller stores only
 * once the sessions are handed over. A poll that fails part-way therefore leaves everything as it was.
 */
import { resultStateOf, type RawSession } from '../../shared/codesignal/sessions';
import { PageSizeWatch } from '../../shared/pagination';
import { PollBudget } from './budget';
import { runConcurrently } from './concurrency';
import { advance, classify, startCursor, type TestCursor } from './cursor';
import { reading } from './readError';
import { scanSessions } from './scan';
import type { InFlightSession } from './inFlight';
import { allTests, type SyncSource } from './source';

/** A proctored session that finished awaiting verification; emitted once it is verified (or not). */
export interface WatchedSession {
	id: string;
	testId: string;
	finishDate: number;
}

export interface SyncState {
	/** Epoch ms: sessions that finished earlier are not emitted. */
	since: number;
	tests: Record<string, TestCursor>;
	awaitingVerification: WatchedSession[];
	/** The test the next poll starts with, so that a capped poll does not favour the same tests each time. */
	nextTestId?: string;
	/** Sessions handed to executions not known to have ended (see inFlight.ts); the node keeps this list. */
	inFlight?: InFlightSession[];
	/** A silent cap on `first` CodeSignal was found to apply (see PageSizeWatch). */
	pageCap?: number;
}

export interface SyncSettings {
	/** The tests to sync; every test of the company (listed again at each poll) when absent. */
	testIds?: string[];
	/** Sessions one poll may read into memory (and emit). */
	maxItems: number;
	pageSize: number;
	/** Epoch ms after which no request starts. */
	deadline?: number;
	/** Emit proctored sessions whose verification failed (they are final too). */
	includeNotVerified: boolean;
	/** How long after it finished a proctored session is watched for its verdict. */
	watchForMs: number;
	/** How far below what a test has synced a poll reads again, for sessions that became visible late. */
	lookBackMs?: number;
	/** The same for tests whose sessions are proctored, whose results may be listed only once reviewed. */
	proctoredLookBackMs?: number;
	concurrency?: number;
	now?: () => number;
}

export interface SyncOutcome {
	/** Ready results, oldest finished first. */
	sessions: RawSession[];
	/** The test of each session emitted. */
	testIdOf: Map<string, string>;
	state: SyncState;
	/** False when the cap or the time budget cut the poll short: the next poll goes on. */
	caughtUp: boolean;
	/** Sessions asked to be handed over again that the budget did not reach: still in flight. */
	notReached: SessionRef[];
	/** Null entries met in the session lists (counted for paging, never emitted). */
	nulls: number;
	/** Finish-date ranges (epoch ms) where nulls kept hiding sessions of a test; no longer read again. */
	givenUp: Array<{ testId: string; from: number; to: number }>;
}

/** A session by id, in its test. */
export interface SessionRef {
	id: string;
	testId: string;
}

export const DEFAULT_CONCURRENCY = 4;

export const newSyncState = (since: number): SyncState => ({ since, tests: {}, awaitingVerification: [] });

type Settlement = 'emit' | 'watch' | 'drop';

/** What a finished session becomes: a result to emit, one to watch for its verification, or nothing. */
export function settle(session: RawSession, includeNotVerified: boolean): Settlement {
	switch (resultStateOf(session)) {
		case 'ready':
			return 'emit';
		case 'notVerified':
			return includeNotVerified ? 'emit' : 'drop';
		case 'removed':
			return 'drop';
		default:
			// Awaiting verification, or finished while CodeSignal still finalizes it: checked again by id.
			return 'watch';
	}
}

/** The tests in order, starting with `first` when it is among them. */
function rotate(testIds: string[], first: string | undefined): string[] {
	const start = first === undefined ? -1 : testIds.indexOf(first);
	return start <= 0 ? testIds : [...testIds.slice(start), ...testIds.slice(0, start)];
}

function chunk<T>(items: T[], size: number): T[][] {
	const chunks: T[][] = [];
	for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
	return chunks;
}

const oldestFinishedFirst = (a: RawSession, b: RawSession) =>
	(a.finishDate ?? 0) - (b.finishDate ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** What one poll gathers as it goes: results to emit, sessions to keep watching. */
class PollHarvest {
	readonly ready: RawSession[] = [];

	readonly testIdOf = new Map<string, string>();

	readonly watched: WatchedSession[] = [];

	constructor(
		private readonly includeNotVerified: boolean,
		private readonly now: () => number,
	) {}

	/** Takes in a finished session; says whether it is to be emitted. */
	take(session: RawSession, testId: string): boolean {
		const settlement = settle(session, this.includeNotVerified);
		// A session met twice in one poll (re-read by id, and found by a scan) is emitted once.
		if (settlement === 'emit' && this.testIdOf.has(session.id)) return false;
		if (settlement === 'emit') {
			this.ready.push(session);
			this.testIdOf.set(session.id, testId);
		}
		if (settlement === 'watch') this.watched.push({ id: session.id, testId, finishDate: session.finishDate ?? this.now() });
		return settlement === 'emit';
	}
}

interface PollRun {
	source: SyncSource;
	settings: SyncSettings;
	budget: PollBudget;
	harvest: PollHarvest;
	now: () => number;
	concurrency: number;
	watch: PageSizeWatch;
	nulls: number;
	givenUp: SyncOutcome['givenUp'];
}

/**
 * Sessions looked up by id again, in batches of a page per test, and taken in as they are now (emitted,
 * watched, or let go); returns those the budget left unread. Sessions of tests no longer synced are let go.
 */
async function lookUpAgain(run: PollRun, testIds: string[], sessions: SessionRef[], what: string): Promise<SessionRef[]> {
	const { source, settings, budget, harvest } = run;
	const batches = testIds.flatMap((testId) =>
		chunk(
			sessions.filter((session) => session.testId === testId),
			settings.pageSize,
		).map((batch) => ({ testId, batch })),
	);
	const unread: SessionRef[] = [];
	await runConcurrently(
		batches.map(({ testId, batch }) => async () => {
			const granted = await budget.reserve(batch.length);
			const checked = batch.slice(0, granted);
			unread.push(...batch.slice(granted));
			if (checked.length === 0) return;
			let emitted = 0;
			try {
				const found = await reading(`reading ${checked.length} ${what} of test ${testId}`, () =>
					source.getSessions(testId, checked.map((session) => session.id)),
				);
				for (const session of found) if (harvest.take(session, testId)) emitted++;
			} finally {
				budget.settle(granted, emitted);
			}
		}),
		run.concurrency,
		() => budget.stop(),
	);
	return unread;
}

/** Each test's sessions from its cursor on, rotating which test goes first; the cursors once taken in. */
async function scanTests(run: PollRun, testIds: string[], previous: SyncState) {
	const { source, settings, budget, harvest } = run;
	const cursors = { ...previous.tests };
	const caughtUp = new Set<string>();
	const starved = new Set<string>();
	const order = rotate(testIds, previous.nextTestId);
	await runConcurrently(
		order.map((testId) => async () => {
			const cursor = cursors[testId] ?? startCursor(previous.since);
			const scan = await reading(`reading the sessions of test ${testId}`, () =>
				scanSessions<RawSession>({
					fetchPage: (offset, first) => source.listSessions(testId, { offset, first }),
					classify: (session) => classify(cursor, session),
					pageSize: settings.pageSize,
					budget,
					watch: run.watch,
					startOffset: cursor.drain?.offset,
					resumeAfter: cursor.drain?.oldest.at,
				}),
			);
			const lookBackMs = (cursor.proctored ? settings.proctoredLookBackMs : settings.lookBackMs) ?? 0;
			const advanced = advance(cursor, scan, lookBackMs);
			cursors[testId] = advanced.cursor;
			run.givenUp.push(...advanced.givenUp.map((range) => ({ testId, ...range })));
			run.nulls += scan.nulls;
			if (scan.complete) caughtUp.add(testId);
			else if (scan.collected.length === 0) starved.add(testId);
			for (const session of scan.collected) harvest.take(session, testId);
		}),
		run.concurrency,
		() => budget.stop(),
	);
	// Next time, tests that got nothing of this poll's cap go first, then those it cut short.
	const nextTestId = order.find((testId) => starved.has(testId)) ?? order.find((testId) => !caughtUp.has(testId));
	return { cursors, nextTestId };
}

export async function pollFinishedSessions(
	source: SyncSource,
	previous: SyncState,
	settings: SyncSettings,
	handOverAgain: SessionRef[] = [],
): Promise<SyncOutcome> {
	const now = settings.now ?? Date.now;
	const run: PollRun = {
		source,
		settings,
		budget: new PollBudget(settings.maxItems, settings.deadline, now),
		harvest: new PollHarvest(settings.includeNotVerified, now),
		now,
		concurrency: settings.concurrency ?? DEFAULT_CONCURRENCY,
		watch: new PageSizeWatch(undefined, previous.pageCap),
		nulls: 0,
		givenUp: [],
	};
	const testIds =
		settings.testIds ??
		(await reading('listing the tests', () => allTests(source, settings.pageSize))).map((test) => test.id);
	// Sessions whose execution was lost, then proctored ones awaiting their verdict: they finished before
	// anything the scans can find.
	const notReached = await lookUpAgain(run, testIds, handOverAgain, 'sessions to hand over again');
	const stillWatched = previous.awaitingVerification.filter((session) => session.finishDate + settings.watchForMs > now());
	const unchecked = new Set((await lookUpAgain(run, testIds, stillWatched, 'proctored sessions')).map((ref) => ref.id));
	run.harvest.watched.push(...stillWatched.filter((session) => unchecked.has(session.id)));
	const { cursors, nextTestId } = await scanTests(run, testIds, previous);
	return {
		sessions: run.harvest.ready.sort(oldestFinishedFirst),
		testIdOf: run.harvest.testIdOf,
		state: {
			since: previous.since,
			tests: cursors,
			awaitingVerification: run.harvest.watched,
			nextTestId,
			...(run.watch.clampedTo !== undefined ? { pageCap: run.watch.clampedTo } : {}),
		},
		caughtUp: notReached.length === 0 && unchecked.size === 0 && nextTestId === undefined,
		notReached,
		nulls: run.nulls,
		givenUp: run.givenUp,
	};
}
