/**
 * Where n8n keeps a poll trigger's position: with durable poll cursors (n8n 2.36+) in its `poller_state` table,
 * one row per workflow and node, otherwise in the workflow's static data. Read from n8n's own database:
 * PostgreSQL in queue mode (through the runtime's `pg`), SQLite for one process (through the runtime's
 * `sqlite3`, a native module built for the runtime's Node, so in a child process of that Node).
 */
import { join } from 'node:path';

import { runCommand } from '../../../scripts/n8n/process';
import { queueServicesFromEnv, runtimeModule } from '../../../scripts/n8n/queue-services';
import type { ExampleWorld } from './exampleWorld';

const QUERY = 'SELECT "nodeId", "cursor" FROM poller_state WHERE "workflowId" = $1';

interface PgClient {
	connect(): Promise<void>;
	query(sql: string, values: unknown[]): Promise<{ rows: Array<{ nodeId: string; cursor: unknown }> }>;
	end(): Promise<void>;
}

/** Each poll node's stored cursor in the workflow, by node id. */
export async function storedPollCursors(world: ExampleWorld, workflowId: string): Promise<Record<string, unknown>> {
	const rows = world.deployment
		? await fromPostgres(world, workflowId)
		: await fromSqlite(world, workflowId);
	return Object.fromEntries(
		rows.map(({ nodeId, cursor }) => [nodeId, typeof cursor === 'string' ? JSON.parse(cursor) : cursor]),
	);
}

async function fromPostgres(world: ExampleWorld, workflowId: string) {
	const { postgres } = queueServicesFromEnv(process.env);
	const { Client } = runtimeModule<{ Client: new (config: Record<string, unknown>) => PgClient }>(world.n8n.runtime, 'pg');
	const client = new Client({ ...postgres, database: world.deployment!.services.database });
	await client.connect();
	try {
		return (await client.query(QUERY, [workflowId])).rows;
	} finally {
		await client.end();
	}
}

async function fromSqlite(world: ExampleWorld, workflowId: string) {
	const sqlite3 = join(world.n8n.runtime.root, 'node_modules', 'sqlite3');
	const database = join(world.n8n.userFolder, '.n8n', 'database.sqlite');
	const script = `
const sqlite3 = require(${JSON.stringify(sqlite3)});
const db = new sqlite3.Database(${JSON.stringify(database)}, sqlite3.OPEN_READONLY);
db.all(${JSON.stringify(QUERY.replace('$1', '?'))}, [${JSON.stringify(workflowId)}], (error, rows) => {
	if (error) { console.error(error.message); process.exitCode = 1; } else console.log(JSON.stringify(rows));
	db.close();
});`;
	const output = await runCommand(world.n8n.runtime.nodeBin, ['-e', script], {
		cwd: world.n8n.userFolder,
		label: 'reading poller_state',
	});
	return JSON.parse(output.trim().split('\n').pop() ?? '[]') as Array<{ nodeId: string; cursor: unknown }>;
}
