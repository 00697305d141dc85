/**
 * Push benchmark of the Endorsed node: `npm run bench:push`.
 *
 * Pushes 1,000 scored CodeSignal assessments to the Endorsed sandbox through the node, in n8n's real
 * execution context, then pushes them again, and prints the requests per assessment and items/s of:
 * 1. the first push, one execution of 1,000 items (every candidate and nomination is new);
 * 2. the re-push as one execution (candidates and nominations exist);
 * 3. the re-push as 1,000 executions of one item, as a CodeSignal Trigger → Score → Endorsed workflow runs.
 * Target: at most 4 requests per assessment when the candidate and nomination exist (2 and 3), and a
 * re-push that creates nothing. Exits non-zero when a target is missed.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { mulberry32 } from '../../sandbox/codesignal/random';
import { startEndorsedSandbox, type EndorsedSandbox } from '../../sandbox/endorsed';
import {
	byRemoteId,
	createJob,
	endorsedCredentials,
	pushParameters,
	runEndorsed,
	scoredItem,
} from '../../test/nodes/Endorsed/fixtures';

const ASSESSMENTS = 1000;
const MAX_REQUESTS_PER_REPUSH = 4;
const TOKEN_ROUTE = 'POST /auth/tokens';

interface Phase {
	name: string;
	requestsPerAssessment: number;
	itemsPerSecond: number;
	target?: number;
}

function recordCounts(sandbox: EndorsedSandbox) {
	const { candidates, attachments, criteria, nominations } = sandbox.store;
	return {
		candidates: candidates.size,
		attachments: attachments.size,
		criteria: criteria.size,
		nominations: nominations.size,
	};
}

async function measure(
	sandbox: EndorsedSandbox,
	name: string,
	push: () => Promise<INodeExecutionData[]>,
	target?: number,
): Promise<Phase> {
	sandbox.resetStats();
	const started = process.hrtime.bigint();
	const output = await push();
	const seconds = Number(process.hrtime.bigint() - started) / 1e9;
	const failed = output.filter(({ json }) => json.error !== undefined);
	if (failed.length || output.length !== ASSESSMENTS) {
		throw new Error(`${name}: ${failed.length} failed, ${output.length} pushed: ${JSON.stringify(failed[0]?.json)}`);
	}
	const stats = sandbox.stats();
	const requests = stats.requests - (stats.byRoute[TOKEN_ROUTE] ?? 0);
	return { name, requestsPerAssessment: requests / ASSESSMENTS, itemsPerSecond: ASSESSMENTS / seconds, target };
}

async function main(): Promise<number> {
	const sandbox = await startEndorsedSandbox();
	try {
		await createJob(sandbox, 'backend-engineer');
		const random = mulberry32(1000);
		const items = Array.from({ length: ASSESSMENTS }, (_, index) => ({
			json: scoredItem(index, Math.round(random() * 1000) / 10) as IDataObject,
		}));
		const credentials = endorsedCredentials(sandbox);
		const parameters = pushParameters(byRemoteId('backend-engineer'));
		const pushBatch = async () => await runEndorsed(sandbox, parameters, items, { credentials });
		const pushOneByOne = async () => {
			const output: INodeExecutionData[] = [];
			for (const item of items) output.push(...(await runEndorsed(sandbox, parameters, [item], { credentials })));
			return output;
		};

		const phases = [await measure(sandbox, 'first push, one execution', pushBatch)];
		const afterFirstPush = recordCounts(sandbox);
		phases.push(await measure(sandbox, 're-push, one execution', pushBatch, MAX_REQUESTS_PER_REPUSH));
		phases.push(await measure(sandbox, 're-push, one execution per item', pushOneByOne, MAX_REQUESTS_PER_REPUSH));
		const afterRepush = recordCounts(sandbox);

		console.log(`Endorsed push benchmark: ${ASSESSMENTS} scored assessments, one job with 5 criteria\n`);
		console.log(['phase'.padEnd(34), 'requests/assessment', 'items/s', 'target'].join('  '));
		for (const phase of phases) {
			console.log(
				[
					phase.name.padEnd(34),
					phase.requestsPerAssessment.toFixed(3).padStart(19),
					phase.itemsPerSecond.toFixed(0).padStart(7),
					phase.target === undefined ? '' : `≤ ${phase.target}`,
				].join('  '),
			);
		}
		console.log(`\nrecords after the first push: ${JSON.stringify(afterFirstPush)}`);
		console.log(`records after the re-pushes:  ${JSON.stringify(afterRepush)}`);

		const missed = phases.filter((phase) => phase.target !== undefined && phase.requestsPerAssessment > phase.target);
		const duplicated = JSON.stringify(afterRepush) !== JSON.stringify(afterFirstPush);
		for (const phase of missed)
			console.error(`MISSED: ${phase.name} made ${phase.requestsPerAssessment} requests per assessment`);
		if (duplicated) console.error('MISSED: the re-push created records');
		return missed.length || duplicated ? 1 : 0;
	} finally {
		await sandbox.close();
	}
}

main().then(
	(code) => process.exit(code),
	(error) => {
		console.error(error);
		process.exit(1);
	},
);
