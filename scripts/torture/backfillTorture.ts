/**
 * The backfill's "exactly once" under everything issue 13 found at once, in a real n8n: the backfill example
 * alone, polling every minute, against a CodeSignal sandbox with several days of finished sessions across
 * several tests, sessions finishing meanwhile, injected 429s and 5xx, null list entries, a silent page cap
 * below the workflow's Page Size, late-visible finishes; n8n killed with SIGKILL three times (once while an
 * execution runs, then at random moments) and started again each time on the same data. Once the backfill has
 * caught up, the sessions with a report in the Endorsed sandbox are compared with the finished sessions.
 *
 * The sandboxes run in this process, so that the run can finish sessions, see which entries came back null,
 * and read both stores. Endorsed answers each request after ENDORSED_LATENCY_MS, as a remote service does,
 * which gives executions a duration a kill can fall into.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { resultStateOf } from '../../nodes/shared/codesignal/sessions';
import { normalizeEmail } from '../../nodes/Endorsed/helpers/assessment';
import { startCodeSignalSandbox, type CodeSignalSandbox, type SessionRecord } from '../../sandbox/codesignal';
import { Random } from '../../sandbox/codesignal/random';
import { startEndorsedSandbox, type EndorsedSandbox } from '../../sandbox/endorsed';
import { snapshot as endorsedSnapshot } from '../../sandbox/endorsed/control';
import { findFreePort, type N8nInstance, type OwnerSession } from '../n8n/instance';
import { launchN8nWithWorkflows } from '../n8n/launch';
import { buildAndPackThisPackage } from '../n8n/package-tarball';
import { ensureN8nRuntime } from '../n8n/runtime';
import { ensureDemoJob } from '../start/demo-job';
import { codeSignalCredential, endorsedCredential, loadExampleWorkflows, withBackfillSettings } from '../start/examples';
import { killDuringExecution, restartAfterKill, runningExecutions } from './backfillKill';
import { type CursorSample, diagnoseMissing, type MissingDiagnosis, type NulledEntry } from './backfillDiagnosis';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The world: several tests, several days of finished sessions, a workflow that needs several polls. */
const TESTS = 5;
const FINISHED_PER_TEST = 30;
const HISTORY_DAYS = 6;
/** Per test, pairs of sessions that finished in the same millisecond (the list orders them any way). */
const TIES_PER_TEST = 2;
const PENDING_PER_TEST = 4;
const FINISHING_MEANWHILE = 8;
/** Sessions that finished hours ago (within the look-back) and are listed only minutes into the run. */
const LATE_VISIBLE_HISTORY = 4;
const PER_POLL = 40;
const PAGE_SIZE = 50;
const CODESIGNAL_FAULTS = { rate429: 0.05, rate5xx: 0.05, nullEntryRate: 0.05, silentPageCap: 20 };
const ENDORSED_LATENCY_MS = 100;
const KILLS = 3;
/** No request to Endorsed for this long, and nothing running: two polls in a row had nothing to emit. */
const QUIET_MS = 150_000;
const CURSOR_SAMPLE_MS = 5_000;
const REPORT_PREFIX = 'codesignal-session-';
const REPORT_UPLOADS = 'PUT /attachments/{id}';

export interface BackfillTortureOptions {
	seed: number;
	/** First port tried for n8n (it takes two). */
	port: number;
	/** The whole run, from activation, at most. */
	maxMinutes: number;
	/** Progress lines (a few per kill). */
	say: (line: string) => void;
}

export interface KillRecord {
	/** Seconds since activation. */
	at: number;
	/** The execution that was running, if any. */
	execution?: string;
	/** Requests the execution had made to Endorsed when n8n was killed (when seen running at the kill). */
	endorsedRequestsInto?: number;
	restartSeconds: number;
}

export interface BackfillTortureReport {
	logFile: string;
	/** What the run recorded, as JSON: the null entries (which session, when), the cursors sampled, the kills. */
	recordFile: string;
	userFolder: string;
	minutes: number;
	caughtUp: boolean;
	finished: string[];
	reported: string[];
	missing: string[];
	extra: string[];
	/** Sessions with more than one report, candidate or nomination in Endorsed: what each has. */
	duplicated: Array<{ sessionId: string; reports: number; candidates: number; nominations: number }>;
	reportUploads: number;
	kills: KillRecord[];
	executions: Record<string, number>;
	codeSignal: { requests: number; injectedFaults: number; nulledEntries: number; largestFirstAsked: number };
	nullWarningsInLog: number;
	diagnoses: MissingDiagnosis[];
}

export async function runBackfillTorture(options: BackfillTortureOptions): Promise<BackfillTortureReport> {
	const rng = new Random(options.seed);
	const startedAt = Date.now();
	const since = startedAt - HISTORY_DAYS * DAY - 12 * HOUR;
	const userFolder = mkdtempSync(join(tmpdir(), 'n8n-codesignal-torture-backfill-'));
	const logFile = join(userFolder, 'n8n.log');
	options.say(`n8n log: ${logFile}`);

	const [runtime, packageTarball] = await Promise.all([ensureN8nRuntime(), buildAndPackThisPackage(join(userFolder, 'package'))]);
	const codeSignal = await startCodeSignalSandbox({
		seed: options.seed,
		dataset: { tests: TESTS, sessionsPerTest: 10, proctoredTests: 0, baseTime: startedAt },
	});
	const endorsed = await startEndorsedSandbox({ faults: { rateSlow: 1, slowMs: ENDORSED_LATENCY_MS } });
	let n8n: N8nInstance | undefined;
	try {
		const pending = seedHistory(codeSignal, rng, startedAt);
		const nulled: NulledEntry[] = [];
		// Set before the workflow is activated: its very first poll meets them.
		codeSignal.setFaults({
			seed: options.seed,
			...CODESIGNAL_FAULTS,
			onNullEntry: (entry) => nulled.push({ id: (entry as SessionRecord).id, at: Date.now() }),
		});
		const endorsedConnection = { baseUrl: endorsed.baseUrl, clientId: endorsed.clientId, clientSecret: endorsed.clientSecret };
		await ensureDemoJob(endorsedConnection);
		const workflow = withBackfillSettings(loadExampleWorkflows().backfill, {
			since: new Date(since).toISOString(),
			everyMinute: true,
			maxResultsPerPoll: PER_POLL,
			pageSize: PAGE_SIZE,
		});
		const codeSignalConnection = {
			endpoint: codeSignal.graphqlUrl,
			apiKey: codeSignal.apiKey,
			webhookSecret: 'torture-webhook-secret',
			organizationId: '4242',
		};
		const launched = await launchN8nWithWorkflows({
			runtime,
			packageTarball,
			userFolder,
			logFile,
			port: await findFreePort(options.port),
			credentials: [codeSignalCredential(codeSignalConnection), endorsedCredential(endorsedConnection)],
			workflows: [workflow],
			activate: [workflow.id],
		});
		n8n = launched.n8n;
		const { session } = launched;
		const activatedAt = Date.now();
		const elapsed = () => Math.round((Date.now() - activatedAt) / 1000);
		options.say(`n8n ${runtime.version} on ${n8n.baseUrl}, backfill live; ${PER_POLL} results per poll, Page Size ${PAGE_SIZE}`);

		const lastListing = scheduleFinishes(codeSignal, rng, pending, activatedAt);
		const cursors = sampleCursors(session, workflow.id, () => n8n?.running === true);
		const deadline = activatedAt + options.maxMinutes * MINUTE;
		const kills = await killThreeTimes(n8n, session, workflow.id, endorsed, rng, elapsed, options.say, deadline);
		const caughtUp = await waitUntilCaughtUp(session, workflow.id, endorsed, Math.max(lastListing, Date.now()), deadline);
		options.say(caughtUp ? `caught up after ${elapsed()} s` : `not caught up within ${options.maxMinutes} minutes`);
		cursors.stop();

		const executions = await session.listExecutions({ workflowId: workflow.id });
		const figures = compare(codeSignal, endorsed, since);
		const recordFile = join(userFolder, 'torture-record.json');
		writeFileSync(recordFile, JSON.stringify({ seed: options.seed, since, activatedAt, kills, nulled, cursors: cursors.samples }));
		return {
			logFile,
			recordFile,
			userFolder,
			minutes: Math.round((Date.now() - activatedAt) / 6000) / 10,
			caughtUp,
			...figures,
			reportUploads: endorsed.stats().byRoute[REPORT_UPLOADS] ?? 0,
			kills,
			executions: countBy(executions.map((execution) => execution.status)),
			codeSignal: {
				requests: codeSignal.stats().requests,
				injectedFaults: codeSignal.stats().injectedFaults,
				nulledEntries: nulled.length,
				largestFirstAsked: codeSignal.stats().maxFirstSeen,
			},
			nullWarningsInLog: (n8n.logs().match(/empty \(null\) entries/g) ?? []).length,
			diagnoses: figures.missing.map((id) =>
				diagnoseMissing(codeSignal.store.requireSession(id), { nulled, cursors: cursors.samples, activatedAt }),
			),
		};
	} finally {
		await n8n?.stop();
		await Promise.allSettled([codeSignal.close(), endorsed.close()]);
	}
}

/**
 * Several days of finished sessions in every test (some finishing in the same millisecond), and pending
 * sessions to finish during the run. Returns the pending ones.
 */
function seedHistory(codeSignal: CodeSignalSandbox, rng: Random, now: number): SessionRecord[] {
	const pending: SessionRecord[] = [];
	for (const test of codeSignal.store.tests()) {
		const finishDates = Array.from({ length: FINISHED_PER_TEST - TIES_PER_TEST }, () => now - rng.int(10 * MINUTE, HISTORY_DAYS * DAY));
		finishDates.push(...finishDates.slice(0, TIES_PER_TEST));
		codeSignal.store.addSessions(test.id, finishDates.length, { finishDates });
		pending.push(...codeSignal.store.addSessions(test.id, PENDING_PER_TEST, { status: 'pending' }));
	}
	return pending;
}

/**
 * Finishes pending sessions during the run: some hours ago but listed only minutes into the run (late-visible
 * finishes within the look-back), and some now, half of those listed a minute or two later. Returns when the
 * last of them is listed.
 */
function scheduleFinishes(codeSignal: CodeSignalSandbox, rng: Random, pending: SessionRecord[], from: number): number {
	const store = codeSignal.store;
	const shuffled = [...pending].sort(() => rng.float() - 0.5);
	let lastListing = from;
	for (const session of shuffled.slice(0, LATE_VISIBLE_HISTORY)) {
		const listedFrom = from + rng.int(2 * MINUTE, 5 * MINUTE);
		store.finishSession(session.id, from - rng.int(2 * HOUR, 20 * HOUR), undefined, listedFrom);
		lastListing = Math.max(lastListing, listedFrom);
	}
	shuffled.slice(LATE_VISIBLE_HISTORY, LATE_VISIBLE_HISTORY + FINISHING_MEANWHILE).forEach((session, index) => {
		const finishAt = from + rng.int(30_000, 5 * MINUTE);
		const listedAfter = index % 2 === 0 ? rng.int(MINUTE, 2 * MINUTE) : 0;
		lastListing = Math.max(lastListing, finishAt + listedAfter);
		setTimeout(() => {
			const now = Date.now();
			store.finishSession(session.id, now, undefined, listedAfter > 0 ? now + listedAfter : undefined);
		}, finishAt - Date.now()).unref();
	});
	return lastListing;
}

/** The trigger's saved cursors every few seconds while n8n runs: where each test stood when. */
function sampleCursors(session: OwnerSession, workflowId: string, running: () => boolean) {
	const samples: CursorSample[] = [];
	let busy = false;
	const timer = setInterval(async () => {
		if (busy || !running()) return;
		busy = true;
		try {
			const workflow = await session.rest<{ staticData?: unknown }>('GET', `/workflows/${workflowId}`);
			const staticData = typeof workflow.staticData === 'string' ? JSON.parse(workflow.staticData) : workflow.staticData;
			const stored = Object.values((staticData ?? {}) as Record<string, { sync?: { state?: CursorSample['state'] } }>)[0];
			if (stored?.sync?.state) samples.push({ at: Date.now(), state: stored.sync.state });
		} catch {
			// n8n is being killed or restarted: the next sample will do.
		} finally {
			busy = false;
		}
	}, CURSOR_SAMPLE_MS);
	return { samples, stop: () => clearInterval(timer) };
}

/** First while an execution runs (at a random point of it), then twice at random moments. */
async function killThreeTimes(
	n8n: N8nInstance,
	session: OwnerSession,
	workflowId: string,
	endorsed: EndorsedSandbox,
	rng: Random,
	elapsed: () => number,
	say: (line: string) => void,
	deadline: number,
): Promise<KillRecord[]> {
	const kills: KillRecord[] = [];
	const endorsedRequests = () => endorsed.stats().requests;
	for (let index = 0; index < KILLS; index++) {
		let record: Omit<KillRecord, 'restartSeconds'>;
		if (index === 0) {
			const killed = await killDuringExecution(n8n, session, {
				workflowId,
				endorsedRequests,
				afterRequests: rng.int(5, 80),
				timeoutMs: Math.max(60_000, deadline - Date.now()),
			});
			record = { at: elapsed(), execution: killed.execution.id, endorsedRequestsInto: killed.endorsedRequestsInto };
		} else {
			await sleep(rng.int(15_000, 90_000));
			const [running] = await runningExecutions(session, workflowId);
			await n8n.kill();
			record = { at: elapsed(), execution: running?.id };
		}
		const restartFrom = Date.now();
		await restartAfterKill(n8n, session, workflowId);
		const kill = { ...record, restartSeconds: Math.round((Date.now() - restartFrom) / 1000) };
		kills.push(kill);
		say(`kill ${index + 1} at ${kill.at} s: ${describeKill(kill)}; back in ${kill.restartSeconds} s`);
	}
	return kills;
}

export function describeKill(kill: KillRecord): string {
	if (!kill.execution) return 'no execution running';
	const into = kill.endorsedRequestsInto !== undefined ? `, ${kill.endorsedRequestsInto} requests to Endorsed into it` : '';
	return `during execution ${kill.execution}${into}`;
}

/**
 * Caught up: everything that finishes during the run is listed, and for QUIET_MS (two polls) no execution ran
 * and Endorsed heard nothing. False if the deadline comes first.
 */
async function waitUntilCaughtUp(
	session: OwnerSession,
	workflowId: string,
	endorsed: EndorsedSandbox,
	notBefore: number,
	deadline: number,
): Promise<boolean> {
	let requests = endorsed.stats().requests;
	let quietSince = Math.max(Date.now(), notBefore);
	while (Date.now() < deadline) {
		await sleep(5000);
		const now = endorsed.stats().requests;
		if (now !== requests || (await runningExecutions(session, workflowId)).length > 0) {
			requests = now;
			quietSince = Math.max(Date.now(), notBefore);
		} else if (Date.now() - quietSince >= QUIET_MS) {
			return true;
		}
	}
	return false;
}

/** Finished sessions (since the trigger's start) against sessions with a report in Endorsed. */
function compare(codeSignal: CodeSignalSandbox, endorsed: EndorsedSandbox, since: number) {
	const sessions = codeSignal.store.tests().flatMap((test) => codeSignal.store.listSessions(test.id));
	const finished = sessions
		.filter((session) => session.finishDate !== null && session.finishDate >= since && resultStateOf(session) === 'ready')
		.map((session) => session.id)
		.sort();
	const state = endorsedSnapshot(endorsed.store);
	const reportsOf = countBy(
		state.candidates.flatMap((candidate) =>
			candidate.attachments
				.map((attachment) => attachment.remote_id ?? '')
				.filter((remoteId) => remoteId.startsWith(REPORT_PREFIX))
				.map((remoteId) => remoteId.slice(REPORT_PREFIX.length)),
		),
	);
	const candidatesOf = countBy(state.candidates.map((candidate) => candidate.remote_id));
	const candidateIds = new Map<string, string[]>();
	for (const candidate of state.candidates) {
		candidateIds.set(candidate.remote_id, [...(candidateIds.get(candidate.remote_id) ?? []), candidate.id]);
	}
	const nominationsOf = countBy(state.nominations.map((nomination) => `${nomination.job_id} ${nomination.candidate_id}`));
	const reported = Object.keys(reportsOf).sort();
	const finishedSet = new Set(finished);
	const reportedSet = new Set(reported);
	const duplicated = reported.flatMap((sessionId) => {
		const email = codeSignal.store.getSession(sessionId)?.testTaker.email;
		const remoteId = email ? normalizeEmail(email) : '';
		const nominations = Math.max(
			0,
			...(candidateIds.get(remoteId) ?? []).flatMap((candidateId) =>
				state.jobs.map((job) => nominationsOf[`${job.id} ${candidateId}`] ?? 0),
			),
		);
		const counts = { sessionId, reports: reportsOf[sessionId], candidates: candidatesOf[remoteId] ?? 0, nominations };
		return counts.reports > 1 || counts.candidates > 1 || counts.nominations > 1 ? [counts] : [];
	});
	return {
		finished,
		reported,
		missing: finished.filter((id) => !reportedSet.has(id)),
		extra: reported.filter((id) => !finishedSet.has(id)),
		duplicated,
	};
}

function countBy(values: string[]): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
	return counts;
}
