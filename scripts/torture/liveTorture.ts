/**
 * The live path under torture (issue 12): in an example world with the live (01) and the backfill (02) workflows
 * both active, a mix of deliveries signed as the CodeSignal sandbox signs them — valid finished sessions (with
 * and without externalId, really finished in the sandbox so the API agrees), exact repeats, bad signatures,
 * unsigned, a wrong organization, malformed JSON, pings, unselected events, bodies over 1 MiB — sent by a few
 * concurrent senders. Then it waits until every live execution has ended and the backfill has seen every
 * finished session, and judges: the HTTP status of every delivery, which delivery each execution ran for (by
 * the `triggeredOn` its trigger item carries, unique per delivery), and Endorsed's final state (endorsedAudit.ts).
 *
 * `npm run torture` (./live.ts) runs it with a CPU hog beside n8n; test/e2e/delivery-mix.e2e.ts runs a smaller mix.
 */
import { setTimeout as sleep } from 'node:timers/promises';

import { ORGANIZATION_HEADER } from '../../nodes/shared/codesignal/organizationId';
import { codeSignalSignature, type DeliverOnceOptions, type SessionRecord } from '../../sandbox/codesignal';
import { Random } from '../../sandbox/codesignal/random';
import type { N8nExecutionSummary, N8nWorkflowFile } from '../n8n/instance';
import type { EndorsedState, ExampleWorld, ExampleWorldOptions } from '../start/exampleWorld';
import { withBackfillSettings } from '../start/examples';
import { auditEndorsed, EndorsedAudit, PushedSession, reportRemoteId } from './endorsedAudit';

const FINISHED = 'companyTestSessionFinished';
/** Signed, organization right, but not among the live trigger's events (Result Ready). */
const UNSELECTED_EVENTS = ['companyTestSessionStarted', 'companyTestSessionCreated', 'liveInterviewFinished', 'assessmentUpdated'];
const WRONG_ORGANIZATION = '9999';
/** The trigger refuses bodies over 1 MiB. */
const OVERSIZED_BODY_BYTES = 1024 * 1024 + 64 * 1024;
const WEBHOOK_TRIGGER_TYPE = 'n8n-nodes-codesignal.codeSignalTrigger';
const POLL_TRIGGER_TYPE = 'n8n-nodes-codesignal.codeSignalResultsTrigger';

export type DeliveryClassName =
	| 'valid'
	| 'repeat'
	| 'badSignature'
	| 'unsigned'
	| 'wrongOrganization'
	| 'malformed'
	| 'ping'
	| 'unselected'
	| 'oversized';

interface DeliveryClass {
	name: DeliveryClassName;
	label: string;
	/** Share of the mix. */
	share: number;
	/** The HTTP status every delivery of the class must get. */
	status: number;
}

/** In the order the table prints them. */
export const DELIVERY_CLASSES: readonly DeliveryClass[] = [
	{ name: 'valid', label: 'valid finished session', share: 0.4, status: 200 },
	{ name: 'repeat', label: 'exact repeat', share: 0.15, status: 200 },
	{ name: 'badSignature', label: 'bad signature', share: 0.07, status: 401 },
	{ name: 'unsigned', label: 'unsigned', share: 0.07, status: 401 },
	{ name: 'wrongOrganization', label: 'wrong organization', share: 0.07, status: 403 },
	// Sent as application/json, as CodeSignal sends: n8n parses that itself and answers 422 before the trigger runs.
	{ name: 'malformed', label: 'malformed JSON', share: 0.07, status: 422 },
	{ name: 'ping', label: 'ping', share: 0.05, status: 200 },
	{ name: 'unselected', label: 'unselected event', share: 0.1, status: 200 },
	{ name: 'oversized', label: 'body over 1 MiB', share: 0.02, status: 413 },
];

/** How many deliveries of each class make `total`: by share (largest remainders), at least one each. */
export function mixCounts(total: number): Record<DeliveryClassName, number> {
	if (total < DELIVERY_CLASSES.length) {
		throw new Error(`A mix needs at least ${DELIVERY_CLASSES.length} deliveries (one per class), not ${total}`);
	}
	const counts = DELIVERY_CLASSES.map(({ share }) => Math.max(1, Math.floor(total * share)));
	const byRemainder = DELIVERY_CLASSES.map(({ share }, index) => ({ index, remainder: total * share - counts[index] })).sort(
		(a, b) => b.remainder - a.remainder,
	);
	for (let left = total - counts.reduce((sum, count) => sum + count, 0), at = 0; left !== 0; at++) {
		const { index } = byRemainder[at % byRemainder.length];
		if (left < 0 && counts[index] <= 1) continue;
		counts[index] += Math.sign(left);
		left -= Math.sign(left);
	}
	return Object.fromEntries(DELIVERY_CLASSES.map(({ name }, index) => [name, counts[index]])) as Record<
		DeliveryClassName,
		number
	>;
}

export interface LiveTortureOptions {
	deliveries: number;
	/** Deliveries in flight at once. */
	concurrency: number;
	/** Orders the mix and picks what repeats (default 1). */
	seed?: number;
	/** Queue mode: a repeat may reach another webhook process and start an execution that emits nothing. */
	queue?: boolean;
	/** How long the executions and the backfill may take once everything is sent (default from the mix's size). */
	settleTimeoutMs?: number;
	/** Progress lines (stderr in the script). */
	log?: (line: string) => void;
}

/** The example world a torture needs: the live and the backfill workflows, the backfill polling every minute. */
export const liveTortureWorld: Pick<ExampleWorldOptions, 'activate' | 'adapt'> = {
	activate: ['live', 'backfill'],
	adapt: (workflows) => ({ ...workflows, backfill: withBackfillSettings(workflows.backfill, { everyMinute: true }) }),
};

export interface ClassOutcome {
	name: DeliveryClassName;
	label: string;
	sent: number;
	/** HTTP status → how many (0: no answer). */
	statuses: Map<number, number>;
	expectedStatus: number;
	/** Executions whose trigger emitted one of this class's deliveries (repeats: a valid delivery's runs after its first). */
	executions: number;
	/** Executions that ended in an error. */
	failedExecutions: number;
	/** Test sessions the class's deliveries name, and how many of them have a report in Endorsed. */
	sessionsNamed: number;
	sessionsReported: number;
}

export interface LiveTortureOutcome {
	classes: ClassOutcome[];
	audit: EndorsedAudit;
	/** Every saved execution of the live workflow. */
	liveExecutions: number;
	/** Executions of the live workflow whose trigger emitted nothing: repeats n8n's de-duplication store dropped. */
	droppedExecutions: number;
	/** Executions of the live workflow that emitted a delivery no planned one has (must be 0). */
	unattributedExecutions: number;
	/** Valid deliveries with no execution. */
	validWithoutExecution: string[];
	/** Valid deliveries that ran more than once (a repeat that was not dropped), with each run. */
	repeatedRuns: RepeatedRun[];
	backfill: { executions: number; failed: number; sessionsSeen: number };
	sendSeconds: number;
	settleSeconds: number;
	failures: string[];
	/** What is worth knowing but misses no target. */
	notes: string[];
}

export interface RepeatedRun {
	sessionId: string;
	deliveryId: string;
	/** Milliseconds from the original's 200 to the repeat being sent (the first repeat of it). */
	repeatSentAfterMs: number | null;
	runs: Array<{ id: string; startedAt: string; stoppedAt: string | null }>;
	/** Whether a later run started before the one before it had ended. */
	overlapping: boolean;
}

interface Planned {
	className: DeliveryClassName;
	/** Epoch ms the signature covers; unique per delivery (a repeat has its original's). */
	triggeredOn: number;
	session?: SessionRecord;
	/** For an unselected event: which. */
	event?: string;
	original?: Planned;
	/** The exact body, once sent (a repeat sends it again). */
	body?: string;
	answered: Promise<number>;
	answer: (status: number) => void;
	answeredAt?: number;
	sentAt?: number;
}

/** Unique, increasing epoch milliseconds, never before now: what CodeSignal's queue gives each event. */
function triggerClock(): () => number {
	let last = 0;
	return () => (last = Math.max(Date.now(), last + 1));
}

/**
 * Unfinished sessions of the regular (not proctored) tests, `count` of them, made where the seeded data has too
 * few; every second one gets an externalId (as a session created from an ATS has), the others none.
 */
function unfinishedSessions(world: ExampleWorld, count: number): SessionRecord[] {
	const { store } = world.codeSignal;
	const tests = store.tests().filter((test) => !test.proctored);
	const pending = () => tests.flatMap((test) => store.listSessions(test.id).filter((session) => session.status === 'pending'));
	const missing = count - pending().length;
	for (let index = 0; index < missing; index++) store.addSessions(tests[index % tests.length].id, 1, { status: 'pending' });
	return pending()
		.slice(0, count)
		.map((session, index) => store.setExternalId(session.id, index % 2 === 0 ? `ats-torture-${session.id}` : null));
}

function plan(world: ExampleWorld, options: LiveTortureOptions): { deliveries: Planned[]; valid: SessionRecord[]; named: SessionRecord[] } {
	const counts = mixCounts(options.deliveries);
	const random = new Random(options.seed ?? 1);
	// Refused and ignored deliveries name sessions that never finish: any record of them in Endorsed is a leak.
	const namedCount = Math.min(50, options.deliveries);
	const sessions = unfinishedSessions(world, counts.valid + namedCount);
	const valid = sessions.slice(0, counts.valid);
	const named = sessions.slice(counts.valid);

	const classes = DELIVERY_CLASSES.flatMap(({ name }) => Array.from({ length: counts[name] }, () => name));
	for (let index = classes.length - 1; index > 0; index--) {
		const other = random.int(0, index);
		[classes[index], classes[other]] = [classes[other], classes[index]];
	}
	const deliveries: Planned[] = [];
	const deferred: Planned[] = [];
	let nextValid = 0;
	let nextNamed = 0;
	for (const className of classes) {
		let answer: (status: number) => void = () => undefined;
		const answered = new Promise<number>((resolve) => (answer = resolve));
		const planned: Planned = { className, triggeredOn: 0, answered, answer };
		if (className === 'valid') planned.session = valid[nextValid++];
		else if (className !== 'repeat' && className !== 'ping') planned.session = named[nextNamed++ % named.length];
		if (className === 'unselected') planned.event = UNSELECTED_EVENTS[nextNamed % UNSELECTED_EVENTS.length];
		if (className === 'repeat') {
			const earlier = deliveries.filter((delivery) => delivery.className === 'valid');
			// A repeat follows its original; one drawn before any valid delivery goes last.
			if (earlier.length === 0) {
				deferred.push(planned);
				continue;
			}
			planned.original = random.pick(earlier);
		}
		deliveries.push(planned);
	}
	const everyValid = deliveries.filter((delivery) => delivery.className === 'valid');
	for (const planned of deferred) planned.original = random.pick(everyValid);
	return { deliveries: [...deliveries, ...deferred], valid, named };
}

/** Sends one planned delivery as its class says; returns the HTTP status (0: no answer). */
async function send(world: ExampleWorld, planned: Planned, clock: () => number): Promise<number> {
	const { webhooks, store } = world.codeSignal;
	const sessionId = planned.session?.id;
	const stamp = () => (planned.triggeredOn = clock());
	const deliver = async (event: string, payload: Record<string, unknown>, extra: DeliverOnceOptions = {}) =>
		(await webhooks.deliverOnce(event, payload, { triggeredOn: stamp(), ...extra })).status;
	const finishedPayload = () => webhooks.payloadFor(FINISHED, sessionId);
	switch (planned.className) {
		case 'valid': {
			const triggeredOn = stamp();
			// Finished in the sandbox first, so that the API agrees with the delivery.
			store.finishSession(sessionId!, triggeredOn);
			planned.body = JSON.stringify({ event: FINISHED, triggeredOn, payload: finishedPayload() });
			return (await webhooks.deliverOnce(FINISHED, {}, { triggeredOn, rawBody: planned.body })).status;
		}
		case 'repeat': {
			const original = planned.original!;
			await original.answered;
			planned.triggeredOn = original.triggeredOn;
			planned.sentAt = Date.now();
			const options = { triggeredOn: original.triggeredOn, rawBody: original.body };
			return (await webhooks.deliverOnce(FINISHED, {}, options)).status;
		}
		case 'badSignature': {
			const triggeredOn = stamp();
			const signature = codeSignalSignature('not-the-webhook-secret', world.webhookUrl('live'), FINISHED, triggeredOn);
			return (await webhooks.deliverOnce(FINISHED, finishedPayload(), { triggeredOn, signature })).status;
		}
		case 'unsigned':
			return deliver(FINISHED, finishedPayload(), { signature: null });
		case 'wrongOrganization':
			return deliver(FINISHED, finishedPayload(), { headers: { [ORGANIZATION_HEADER]: WRONG_ORGANIZATION } });
		case 'malformed': {
			// A delivery cut short: signed as the whole one would be, but not JSON.
			const triggeredOn = stamp();
			const whole = JSON.stringify({ event: FINISHED, triggeredOn, payload: finishedPayload() });
			const rawBody = whole.slice(0, Math.floor(whole.length / 2));
			return (await webhooks.deliverOnce(FINISHED, {}, { triggeredOn, rawBody })).status;
		}
		case 'ping':
			return (await webhooks.ping()).status;
		case 'unselected': {
			const event = planned.event!;
			return deliver(event, webhooks.payloadFor(event, event.startsWith('companyTestSession') ? sessionId : undefined));
		}
		case 'oversized':
			return deliver(FINISHED, { ...finishedPayload(), notes: 'x'.repeat(OVERSIZED_BODY_BYTES) });
	}
}

async function sendAll(world: ExampleWorld, deliveries: Planned[], options: LiveTortureOptions): Promise<Map<Planned, number>> {
	const clock = triggerClock();
	const statuses = new Map<Planned, number>();
	const step = Math.max(1, Math.floor(deliveries.length / 10));
	let next = 0;
	const sender = async () => {
		while (next < deliveries.length) {
			const planned = deliveries[next++];
			const status = await send(world, planned, clock).catch(() => 0);
			statuses.set(planned, status);
			planned.answeredAt = Date.now();
			planned.answer(status);
			if (statuses.size % step === 0) options.log?.(`sent ${statuses.size} of ${deliveries.length} deliveries`);
		}
	};
	await Promise.all(Array.from({ length: options.concurrency }, sender));
	return statuses;
}

function triggerNameOf(workflow: N8nWorkflowFile, type: string): string {
	const node = workflow.nodes.find((candidate) => candidate.type === type);
	if (!node) throw new Error(`Workflow ${workflow.id} has no ${type} node`);
	return node.name as string;
}

/** The items the trigger emitted in an execution listed with its data. */
function triggerItems(execution: N8nExecutionSummary, triggerName: string): Array<Record<string, unknown>> {
	const run = execution.data?.resultData.runData[triggerName]?.[0];
	return (run?.data?.main[0] ?? []).map((item) => item.json);
}

async function waitUntil<T>(
	what: string,
	timeoutMs: number,
	look: () => Promise<{ done: boolean; value: T; progress: string }>,
	log?: (line: string) => void,
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	let lastLog = 0;
	for (;;) {
		const { done, value, progress } = await look();
		if (done) return value;
		if (Date.now() > deadline) throw new Error(`Timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${what} (${progress})`);
		if (Date.now() - lastLog > 30_000) {
			log?.(`waiting for ${what}: ${progress}`);
			lastLog = Date.now();
		}
		await sleep(2000);
	}
}

/** Executions of the live workflow once at least `count` have been saved, every one has ended and none has come for 10 s. */
async function settledExecutions(world: ExampleWorld, count: number, timeoutMs: number, log?: (line: string) => void) {
	const workflowId = world.workflows.live.id;
	let seen = -1;
	let quietSince = Date.now();
	await waitUntil(
		'the live executions to end',
		timeoutMs,
		async () => {
			const executions = await world.session.listExecutions({ workflowId });
			const ended = executions.filter((execution) => execution.stoppedAt).length;
			if (executions.length !== seen) {
				seen = executions.length;
				quietSince = Date.now();
			}
			const done = executions.length >= count && ended === executions.length && Date.now() - quietSince > 10_000;
			return { done, value: undefined, progress: `${ended} of ${executions.length} saved executions ended, ${count} expected` };
		},
		log,
	);
	return world.session.listExecutions({ workflowId, includeData: true });
}

/** Backfill executions once every finished session has been emitted by one and every one has ended. */
async function backfillCoverage(world: ExampleWorld, sessionIds: Set<string>, timeoutMs: number, log?: (line: string) => void) {
	const workflowId = world.workflows.backfill.id;
	const triggerName = triggerNameOf(world.workflows.backfill, POLL_TRIGGER_TYPE);
	return waitUntil(
		'the backfill to see every finished session',
		timeoutMs,
		async () => {
			const executions = await world.session.listExecutions({ workflowId, includeData: true });
			const seen = new Set(executions.flatMap((execution) => triggerItems(execution, triggerName).map((item) => String(item.id))));
			const covered = [...sessionIds].filter((id) => seen.has(id)).length;
			const ended = executions.every((execution) => execution.stoppedAt);
			return {
				done: covered === sessionIds.size && ended,
				value: { executions, covered },
				progress: `${covered} of ${sessionIds.size} sessions emitted, ${executions.length} executions`,
			};
		},
		log,
	);
}

const failedStatus = (execution: N8nExecutionSummary) => execution.status !== 'success';

export async function runLiveTorture(world: ExampleWorld, options: LiveTortureOptions): Promise<LiveTortureOutcome> {
	const log = options.log;
	// The sandbox sends nothing by itself (finishing a session would queue a delivery one second apart): every
	// delivery is the torture's, signed by the sandbox's sender for the live workflow's URL.
	world.pointWebhookAt('live', []);
	const { deliveries, valid, named } = plan(world, options);

	const sendStart = Date.now();
	const statuses = await sendAll(world, deliveries, options);
	const sendSeconds = (Date.now() - sendStart) / 1000;

	const settleStart = Date.now();
	const timeoutMs = options.settleTimeoutMs ?? 120_000 + valid.length * 3_000;
	const executions = await settledExecutions(world, valid.length, timeoutMs, log);
	const backfill = await backfillCoverage(world, new Set(valid.map((session) => session.id)), timeoutMs, log);
	const settleSeconds = (Date.now() - settleStart) / 1000;
	const state: EndorsedState = await world.endorsedState();

	// Which delivery each execution ran for: the trigger item's triggeredOn is unique per delivery.
	const triggerName = triggerNameOf(world.workflows.live, WEBHOOK_TRIGGER_TYPE);
	const runsByTriggeredOn = new Map<number, N8nExecutionSummary[]>();
	const deliveryIds = new Map<number, string>();
	let droppedExecutions = 0;
	for (const execution of [...executions].sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt))) {
		const items = triggerItems(execution, triggerName);
		if (items.length === 0 && !failedStatus(execution)) droppedExecutions++;
		for (const item of items) {
			const runs = runsByTriggeredOn.get(Number(item.triggeredOn)) ?? [];
			runsByTriggeredOn.set(Number(item.triggeredOn), [...runs, execution]);
			deliveryIds.set(Number(item.triggeredOn), String(item.deliveryId));
		}
	}
	const planned = new Set(deliveries.map((delivery) => delivery.triggeredOn));
	const unattributedExecutions = [...runsByTriggeredOn.entries()]
		.filter(([triggeredOn]) => !planned.has(triggeredOn))
		.reduce((sum, [, runs]) => sum + runs.length, 0);
	const failedWithoutItem = executions.filter((execution) => failedStatus(execution) && triggerItems(execution, triggerName).length === 0);

	const audit = auditEndorsed(state, {
		jobId: world.job.id,
		pushed: valid.map(
			(session): PushedSession => ({ sessionId: session.id, email: session.testTaker.email, externalId: session.externalId }),
		),
		notPushed: named.map((session) => session.id),
	});
	const validDeliveries = deliveries.filter((delivery) => delivery.className === 'valid');
	const reported = new Set(state.candidates.flatMap((candidate) => candidate.attachments.map((report) => report.remote_id)));

	const classes = DELIVERY_CLASSES.map(({ name, label, status }): ClassOutcome => {
		const own = deliveries.filter((delivery) => delivery.className === name);
		const counted = new Map<number, number>();
		for (const delivery of own) counted.set(statuses.get(delivery) ?? 0, (counted.get(statuses.get(delivery) ?? 0) ?? 0) + 1);
		// A valid delivery's first run is its own; any later run of it counts as a repeat that ran.
		const runsOf = (delivery: Planned) => runsByTriggeredOn.get(delivery.triggeredOn) ?? [];
		const validRuns = validDeliveries.map(runsOf);
		const runs =
			name === 'repeat'
				? validRuns.flatMap((each) => each.slice(1))
				: name === 'valid'
					? validRuns.flatMap((each) => each.slice(0, 1))
					: own.flatMap(runsOf);
		const sessionsNamed = new Set(own.flatMap((delivery) => (delivery.session ? [delivery.session.id] : [])));
		return {
			name,
			label,
			sent: own.length,
			statuses: counted,
			expectedStatus: status,
			executions: runs.length,
			failedExecutions: runs.filter(failedStatus).length,
			sessionsNamed: sessionsNamed.size,
			sessionsReported: [...sessionsNamed].filter((id) => reported.has(reportRemoteId(id))).length,
		};
	});
	const validWithoutExecution = validDeliveries
		.filter((delivery) => !runsByTriggeredOn.has(delivery.triggeredOn))
		.map((delivery) => delivery.session!.id);
	const backfillFailed = backfill.executions.filter(failedStatus).length;
	const repeatedRuns = validDeliveries.flatMap((delivery): RepeatedRun[] => {
		const runs = runsByTriggeredOn.get(delivery.triggeredOn) ?? [];
		if (runs.length < 2) return [];
		const repeat = deliveries.find((other) => other.original === delivery && other.sentAt !== undefined);
		return [
			{
				sessionId: delivery.session!.id,
				deliveryId: deliveryIds.get(delivery.triggeredOn)!,
				repeatSentAfterMs: repeat ? repeat.sentAt! - delivery.answeredAt! : null,
				runs: runs.map(({ id, startedAt, stoppedAt }) => ({ id, startedAt, stoppedAt })),
				overlapping: runs.some(
					(run, index) => index > 0 && Date.parse(run.startedAt) < Date.parse(runs[index - 1].stoppedAt ?? run.startedAt),
				),
			},
		];
	});

	const failures: string[] = [];
	for (const outcome of classes) {
		const wrong = [...outcome.statuses].filter(([status]) => status !== outcome.expectedStatus);
		if (wrong.length > 0) failures.push(`${outcome.label}: ${formatStatuses(new Map(wrong))} instead of ${outcome.expectedStatus}`);
		// Across webhook processes only n8n's de-duplication store stands between a repeat and a second run (see notes).
		const allowed = outcome.name === 'valid' || (options.queue && outcome.name === 'repeat');
		if (!allowed && outcome.executions > 0) failures.push(`${outcome.label}: ${outcome.executions} executions, 0 expected`);
		if (outcome.failedExecutions > 0) failures.push(`${outcome.label}: ${outcome.failedExecutions} executions failed`);
	}
	const valids = classes.find((outcome) => outcome.name === 'valid')!;
	if (validWithoutExecution.length > 0) failures.push(`valid deliveries without an execution: sessions ${validWithoutExecution.join(', ')}`);
	if (!options.queue && droppedExecutions > 0) {
		failures.push(`${droppedExecutions} executions emitted nothing: in one process a repeat must be dropped before answering`);
	}
	if (unattributedExecutions > 0) failures.push(`${unattributedExecutions} executions ran for no delivery that was sent`);
	if (failedWithoutItem.length > 0) {
		failures.push(`${failedWithoutItem.length} executions failed in the trigger: ${failedWithoutItem.map((execution) => execution.id).join(', ')}`);
	}
	if (backfillFailed > 0) failures.push(`${backfillFailed} backfill executions failed`);
	if (audit.complete !== valids.sent) failures.push(`Endorsed: ${audit.complete} of ${valids.sent} finished sessions complete`);
	for (const [kind, findings] of [['missing', audit.missing], ['duplicated', audit.duplicated], ['unexpected', audit.unexpected]] as const) {
		for (const finding of findings.slice(0, 10)) failures.push(`Endorsed, ${kind}: ${finding.sessionId ? `session ${finding.sessionId}: ` : ''}${finding.problem}`);
		if (findings.length > 10) failures.push(`Endorsed, ${kind}: ${findings.length - 10} more`);
	}

	const notes: string[] = [];
	if (repeatedRuns.length > 0) {
		const overlapping = repeatedRuns.filter((run) => run.overlapping).length;
		notes.push(
			`${repeatedRuns.length} deliveries ran twice (${overlapping} with both runs at once, ${repeatedRuns.length - overlapping} one after the other); Endorsed is judged above`,
		);
		for (const run of repeatedRuns.slice(0, 5)) {
			const runs = run.runs.map(({ id, startedAt, stoppedAt }) => `execution ${id} ${startedAt.slice(11, 23)}–${stoppedAt?.slice(11, 23) ?? 'running'}`);
			const sent = run.repeatSentAfterMs === null ? '' : `, repeat sent ${run.repeatSentAfterMs} ms after its 200`;
			notes.push(`  session ${run.sessionId}, delivery ${run.deliveryId}${sent}: ${runs.join(', ')}`);
		}
	}

	return {
		classes,
		audit,
		repeatedRuns,
		notes,
		liveExecutions: executions.length,
		droppedExecutions,
		unattributedExecutions,
		validWithoutExecution,
		backfill: { executions: backfill.executions.length, failed: backfillFailed, sessionsSeen: backfill.covered },
		sendSeconds,
		settleSeconds,
		failures,
	};
}

function formatStatuses(statuses: Map<number, number>): string {
	return [...statuses]
		.sort(([a], [b]) => a - b)
		.map(([status, count]) => `${count}× ${status || 'no answer'}`)
		.join(', ');
}

/** The one table a run prints, then the backfill and the audit in a line each. */
export function formatLiveTortureTable(outcome: LiveTortureOutcome): string {
	const { audit } = outcome;
	const rows = outcome.classes.map((entry) => {
		const executions =
			entry.name === 'repeat' && outcome.droppedExecutions > 0
				? `${entry.executions} (+${outcome.droppedExecutions} emitted nothing)`
				: `${entry.executions}${entry.failedExecutions ? ` (${entry.failedExecutions} failed)` : ''}`;
		const endorsed =
			entry.name === 'valid'
				? `${audit.complete}/${audit.sessions} complete, ${audit.missing.length} missing, ${audit.duplicated.length} duplicated`
				: entry.name === 'repeat' || entry.sessionsNamed === 0
					? '-'
					: `${entry.sessionsReported} of ${entry.sessionsNamed} sessions reported`;
		return [entry.label, String(entry.sent), formatStatuses(entry.statuses), String(entry.expectedStatus), executions, endorsed];
	});
	const header = ['class', 'sent', 'HTTP statuses', 'expected', 'executions', 'Endorsed'];
	const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
	const line = (cells: string[]) =>
		cells.map((cell, column) => (column === 1 || column === 3 ? cell.padStart(widths[column]) : cell.padEnd(widths[column]))).join('  ').trimEnd();
	return [
		line(header),
		...rows.map(line),
		`backfill: ${outcome.backfill.executions} executions (${outcome.backfill.failed} failed), emitted ${outcome.backfill.sessionsSeen} of ${audit.sessions} finished sessions`,
		`Endorsed: ${audit.unexpected.length} unexpected records; executions for no delivery sent: ${outcome.unattributedExecutions}`,
		`sent in ${outcome.sendSeconds.toFixed(0)} s; executions and backfill settled ${outcome.settleSeconds.toFixed(0)} s later`,
	].join('\n');
}
