/**
 * The scheduled backfill workflow in a real n8n 2.40.7: every finished session reaches Endorsed exactly once
 * across polls and a restart (see support/backfillScenario.ts), with n8n's poll scheduling as it comes and with
 * its durable scheduler and durable poll cursors on.
 */
import {
	backfillScenario,
	DURABLE_POLL_CURSORS,
	expectEachSessionPushedOnce,
	expectPositionInPollerState,
} from './support/backfillScenario';
import { ExampleWorld, startExampleWorld } from './support/exampleWorld';

describe('the scheduled backfill workflow in n8n 2.40.7', () => {
	const scenario = backfillScenario();
	let world: ExampleWorld;

	beforeAll(async () => {
		world = await startExampleWorld({ ...scenario.worldOptions, port: 5750 });
	});

	afterAll(async () => {
		await world?.close();
	});

	it('pushes every finished session exactly once across polls and a restart', async () => {
		const outcome = await scenario.run(world, () => world.n8n.restart());

		expectEachSessionPushedOnce(outcome);
	});
});

describe('the scheduled backfill workflow in n8n 2.40.7 with durable poll cursors', () => {
	const scenario = backfillScenario();
	let world: ExampleWorld;

	beforeAll(async () => {
		world = await startExampleWorld({ ...scenario.worldOptions, port: 6400, n8nEnv: DURABLE_POLL_CURSORS });
	});

	afterAll(async () => {
		await world?.close();
	});

	it('pushes every finished session exactly once across polls and a restart, its position in poller_state', async () => {
		const outcome = await scenario.run(world, () => world.n8n.restart());

		expectEachSessionPushedOnce(outcome);
		await expectPositionInPollerState(world);
	});
});
