/**
 * The scheduled backfill workflow in a real n8n 2.40.7: every finished session reaches Endorsed exactly once
 * across polls and a restart (see support/backfillScenario.ts).
 */
import { backfillScenario, expectEachSessionPushedOnce } from './support/backfillScenario';
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
