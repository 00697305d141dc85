/**
 * `npm run bench:webhook:phases`: where the CodeSignal Trigger's own time goes in n8n's webhook phase, the part
 * bench:webhook cannot take apart inside n8n. Calls the trigger's `webhook()` (version 3, default settings) in
 * n8n-core's real WebhookContext, in this process, for signed deliveries, and n8n's context alone with the
 * reference node (./webhook/reference-node: the same credential set, nothing checked). Prints the CPU per call of
 * each, then the trigger's CPU profile attributed to its own functions: each sample goes to the innermost
 * function of the package on its stack (what it called in n8n, Node or luxon counts to it), the rest to n8n.
 * Samples are counted, not their wall-clock spacing (on a loaded machine a descheduled gap would land on
 * whatever ran next), and the shares are applied to the trigger's CPU per call without the profiler.
 *
 * Options: `--deliveries=<n>` (default 2,000).
 */
import { Session } from 'node:inspector';

import type { INodeType } from 'n8n-workflow';

import { callWebhook } from '../../test/helpers/n8nWebhook';
import { signed, triggerSpec, type Envelope } from '../../test/nodes/CodeSignalTrigger/trigger';

interface ProfileNode {
	id: number;
	callFrame: { functionName: string; url: string; lineNumber: number };
	children?: number[];
}
interface Profile {
	nodes: ProfileNode[];
	samples: number[];
	timeDeltas: number[];
}

const deliveries = Number(/^--deliveries=(\d+)$/.exec(process.argv[2] ?? '')?.[1] ?? 2000);
const WARM_UP = 200;

function envelope(sequence: number): Envelope {
	return {
		event: 'companyTestSessionFinished',
		triggeredOn: 1_767_225_600_000 + sequence,
		payload: {
			testSessionId: `session-${sequence}`,
			testId: 'test-1',
			candidateEmail: `candidate-${sequence}@example.com`,
			score: 900,
			maxScore: 1000,
		},
	};
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ReferenceTrigger } = require('./webhook/reference-node/ReferenceTrigger.node.js') as {
	ReferenceTrigger: new () => INodeType;
};

const trigger = triggerSpec({}, {}, {});
trigger.typeVersion = 3;
const reference = { ...triggerSpec(), nodeType: new ReferenceTrigger(), typeVersion: 2 };

let sequence = 0;
async function calls(spec: typeof trigger, count: number): Promise<number> {
	// Signed before the clock starts: signing is CodeSignal's work, not the trigger's.
	const requests = Array.from({ length: count }, () => signed(envelope(sequence++)));
	const cpu = process.cpuUsage();
	for (const request of requests) {
		const outcome = await callWebhook(spec, request);
		if (outcome.status !== 200 || !outcome.workflowData) throw new Error(`A delivery got HTTP ${outcome.status}`);
	}
	const used = process.cpuUsage(cpu);
	return (used.user + used.system) / count;
}

async function post<T>(session: Session, method: string, params?: object): Promise<T> {
	return await new Promise((resolve, reject) =>
		session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result as T))),
	);
}

/** The package's source files, relative, or undefined for anything else. */
function packageFile(url: string): string | undefined {
	const match = /\/(nodes\/[^?]+)$/.exec(url);
	return match && !url.includes('node_modules') && !url.includes('/test/') ? match[1] : undefined;
}

function attribute(profile: Profile): Map<string, number> {
	const parentOf = new Map<number, number>();
	for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
	const byId = new Map(profile.nodes.map((node) => [node.id, node]));
	const owner = new Map<number, string>();
	const ownerOf = (id: number): string => {
		const known = owner.get(id);
		if (known !== undefined) return known;
		const node = byId.get(id)!;
		const file = packageFile(node.callFrame.url);
		const parent = parentOf.get(id);
		const found = file
			? `${file} ${node.callFrame.functionName || '(anonymous)'}`
			: parent === undefined
				? 'n8n, Node and the harness (no package function on the stack)'
				: ownerOf(parent);
		owner.set(id, found);
		return found;
	};
	const samples = new Map<string, number>();
	for (const id of profile.samples) {
		const part = ownerOf(id);
		samples.set(part, (samples.get(part) ?? 0) + 1);
	}
	return samples;
}

async function main(): Promise<void> {
	await calls(trigger, WARM_UP);
	await calls(reference, WARM_UP);
	const triggerCpu = await calls(trigger, deliveries);
	const referenceCpu = await calls(reference, deliveries);
	console.log(`webhook() in n8n-core's WebhookContext, ${deliveries} signed deliveries each, CPU per call:`);
	console.log(`  CodeSignal Trigger (v3, defaults):  ${(triggerCpu / 1000).toFixed(3)} ms`);
	console.log(`  reference node (checks nothing):    ${(referenceCpu / 1000).toFixed(3)} ms`);
	console.log(`  the trigger's own work:             ${((triggerCpu - referenceCpu) / 1000).toFixed(3)} ms per delivery`);

	const session = new Session();
	session.connect();
	await post(session, 'Profiler.enable');
	await post(session, 'Profiler.setSamplingInterval', { interval: 50 });
	await post(session, 'Profiler.start');
	await calls(trigger, deliveries);
	const { profile } = await post<{ profile: Profile }>(session, 'Profiler.stop');
	session.disconnect();

	const parts = [...attribute(profile)].sort((a, b) => b[1] - a[1]);
	const total = parts.reduce((sum, [, count]) => sum + count, 0);
	console.log(`\nThe trigger's calls profiled (${total} samples; share of samples × its CPU per call):`);
	for (const [part, count] of parts.filter(([, count]) => count / total >= 0.005)) {
		const share = count / total;
		console.log(`  ${((share * triggerCpu)).toFixed(1).padStart(7)} µs ${(100 * share).toFixed(1).padStart(5)} %  ${part}`);
	}
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
