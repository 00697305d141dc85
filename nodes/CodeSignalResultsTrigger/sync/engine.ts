/**
 * One poll of the sync: every session that finished (or, proctored, got its verification verdict) since
 * the last poll, across the watched tests, within a cap on items and a time budget.
 *
 * Nothing here changes the previous state: the poll returns the next one, which the caller stores only
 * once the sessions are handed over. A poll that fails part-way therefore leaves everything as it was.
 */
import { resultStateOf, type RawSession } from '../../shared/codesignal/sessions';
import { PollBudget } from './budget';
import { runConcurrently } from './concurrency';
import { advance, classify, startCursor, type TestCursor } from './cursor';
import { reading } from './readError';
import { scanSessions } from './scan';
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
	concurrency?: number;
	now?: () => number;
}

export interface SyncOutcome {
	/** Ready results, oldest finished first. */
	sessions: RawSession[];
	state: SyncState;
	/** False when the cap or the time budget cut the poll short: the next poll goes on. */
	caughtUp: boolean;
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

	readonly watched: WatchedSession[] = [];

	constructor(
		private readonly includeNotVerified: boolean,
		private readonly now: () => number,
	) {}

	/** Takes in a finished session; says whether it is to be emitted. */
	take(session: RawSession, testId: string): boolean {
		const settlement = settle(session, this.includeNotVerified);
		if (settlement === 'emit') this.ready.push(session);
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
}

/**
 * Proctored sessions awaiting verification, looked up by id in batches of a page. Those of tests no longer
 * synced, and those not judged within the watch period, are let go. False when the budget left some unchecked.
 */
async function checkVerifications(run: PollRun, testIds: string[], watched: WatchedSession[]): Promise<boolean> {
	const { source, settings, budget, harvest } = run;
	const stillWatched = watched.filter((session) => session.finishDate + settings.watchForMs > run.now());
	const batches = testIds.flatMap((testId) =>
		chunk(
			stillWatched.filter((session) => session.testId === testId),
			settings.pageSize,
		).map((batch) => ({ testId, batch })),
	);
	let allChecked = true;
	await runConcurrently(
		batches.map(({ testId, batch }) => async () => {
			const granted = await budget.reserve(batch.length);
			const checked = batch.slice(0, granted);
			harvest.watched.push(...batch.slice(granted));
			if (granted < batch.length) allChecked = false;
			if (checked.length === 0) return;
			let emitted = 0;
			try {
				const found = await reading(`checking ${checked.length} proctored sessions of test ${testId}`, () =>
					source.getSessions(testId, checked.map((session) => session.id)),
				);
				const byId = new Map(found.map((session) => [session.id, session]));
				for (const session of checked) {
					const current = byId.get(session.id);
					if (current && harvest.take(current, testId)) emitted++;
				}
			} finally {
				budget.settle(granted, emitted);
			}
		}),
		run.concurrency,
		() => budget.stop(),
	);
	return allChecked;
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
					startOffset: cursor.drain?.offset,
					resumeAfter: cursor.drain?.oldest.at,
				}),
			);
			cursors[testId] = advance(cursor, scan);
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
): Promise<SyncOutcome> {
	const now = settings.now ?? Date.now;
	const run: PollRun = {
		source,
		settings,
		budget: new PollBudget(settings.maxItems, settings.deadline, now),
		harvest: new PollHarvest(settings.includeNotVerified, now),
		now,
		concurrency: settings.concurrency ?? DEFAULT_CONCURRENCY,
	};
	const testIds =
		settings.testIds ??
		(await reading('listing the tests', () => allTests(source, settings.pageSize))).map((test) => test.id);
	// Proctored sessions first: they finished before anything the scans can find.
	const verificationsChecked = await checkVerifications(run, testIds, previous.awaitingVerification);
	const { cursors, nextTestId } = await scanTests(run, testIds, previous);
	return {
		sessions: run.harvest.ready.sort(oldestFinishedFirst),
		state: { since: previous.since, tests: cursors, awaitingVerification: run.harvest.watched, nextTestId },
		caughtUp: verificationsChecked && nextTestId === undefined,
	};
}
