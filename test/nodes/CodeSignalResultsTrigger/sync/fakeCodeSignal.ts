/**
 * An in-memory CodeSignal for the sync engine's unit tests: tests and sessions listed the way the API
 * lists them (finished newest first, then the others), where sessions finishing in the same millisecond
 * can come in a different order in every response, and where a test can change the data between (or
 * during) requests.
 */
import type { RawSession } from '../../../../nodes/shared/codesignal/sessions';
import { mulberry32 } from '../../../../sandbox/codesignal/random';
import type { SyncSource, TestRef } from '../../../../nodes/CodeSignalResultsTrigger/sync/source';

/** Small, seeded, good enough to shuffle test data: the sandbox's generator. */
export const seededRandom = mulberry32;

export interface FakeSession extends RawSession {
	testId: string;
	createDate: number;
	finishDate: number | null;
	verificationStatus: 'pending' | 'verified' | 'notVerified' | null;
}

export interface FakeOptions {
	seed?: number;
	/** Sessions finished at the same millisecond come in a new random order in every response. */
	shuffleTies?: boolean;
	/** Pages hold at most this many entries, whatever `first` asks (a silent cap). */
	cap?: number;
	/** Share 0..1 of listed entries returned as null, drawn afresh for every response. */
	nullRate?: number;
}

export class FakeCodeSignal implements SyncSource {
	requests = 0;

	/** Runs before every request (with its number, from 1): change data, or throw to fail the request. */
	beforeRequest: (requestNumber: number) => void = () => {};

	private readonly testList: TestRef[] = [];

	private readonly sessions = new Map<string, FakeSession>();

	private readonly random: () => number;

	private nextId = 1;

	/** Sessions listed as null entries (CodeSignal types its lists `[CompanyTestSession]!`). */
	readonly listedAsNull = new Set<string>();

	/** Sessions not listed yet (visible late, with the finish date they had all along). */
	readonly hidden = new Set<string>();

	constructor(private readonly options: FakeOptions = {}) {
		this.random = seededRandom(options.seed ?? 1);
	}

	addTest(title = `Test ${this.testList.length + 1}`): string {
		const id = `test${String(this.testList.length + 1).padStart(3, '0')}`;
		this.testList.push({ id, title });
		return id;
	}

	/** A session of the test; finished at `finishDate` when given. */
	addSession(testId: string, finishDate: number | null = null, proctored = false): FakeSession {
		const id = `s${String(this.nextId++).padStart(6, '0')}`;
		const session: FakeSession = {
			id,
			testId,
			status: finishDate === null ? 'active' : 'over',
			createDate: this.nextId,
			finishDate,
			verificationStatus: finishDate !== null && proctored ? 'pending' : null,
		};
		this.sessions.set(id, session);
		return session;
	}

	finish(id: string, at: number, proctored = false): void {
		const session = this.session(id);
		session.status = 'over';
		session.finishDate = at;
		session.verificationStatus = proctored ? 'pending' : null;
	}

	verify(id: string, verdict: 'verified' | 'notVerified'): void {
		this.session(id).verificationStatus = verdict;
	}

	/** Removes the session from every list (as a deletion that CodeSignal stops listing). */
	remove(id: string): void {
		this.sessions.delete(id);
	}

	session(id: string): FakeSession {
		const session = this.sessions.get(id);
		if (!session) throw new Error(`No session ${id}`);
		return session;
	}

	all(): FakeSession[] {
		return [...this.sessions.values()];
	}

	async listTests({ first, offset }: { first: number; offset: number }) {
		this.request();
		const items = this.testList.slice(offset, offset + first);
		return { items, hasNextPage: offset + items.length < this.testList.length };
	}

	async listSessions(testId: string, { first, offset }: { first: number; offset: number }) {
		this.request();
		const page = this.listing(testId).slice(offset, offset + Math.min(first, this.options.cap ?? first));
		const nullRate = this.options.nullRate ?? 0;
		return page.map((session) =>
			this.listedAsNull.has(session.id) || (nullRate > 0 && this.random() < nullRate) ? null : { ...session },
		);
	}

	async getSessions(testId: string, ids: string[]) {
		this.request();
		const wanted = new Set(ids);
		return this.listing(testId)
			.filter((session) => wanted.has(session.id))
			.map((session) => ({ ...session }));
	}

	private request(): void {
		this.requests++;
		this.beforeRequest(this.requests);
	}

	private listing(testId: string): FakeSession[] {
		const sessions = this.all().filter((session) => session.testId === testId && !this.hidden.has(session.id));
		const tieBreak = new Map(sessions.map((session) => [session.id, this.options.shuffleTies ? this.random() : 0]));
		const finished = sessions
			.filter((session) => session.finishDate !== null)
			.sort((a, b) => b.finishDate! - a.finishDate! || tieBreak.get(a.id)! - tieBreak.get(b.id)! || (a.id < b.id ? -1 : 1));
		const unfinished = sessions.filter((session) => session.finishDate === null).sort((a, b) => b.createDate - a.createDate);
		return [...finished, ...unfinished];
	}
}
