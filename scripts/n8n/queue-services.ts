/**
 * The PostgreSQL database and the Redis db index of one queue-mode deployment, from n8n's own variables
 * (DB_POSTGRESDB_*, QUEUE_BULL_REDIS_*) with this machine's services as defaults. They are reached through
 * the `pg` and `ioredis` packages that every n8n runtime ships, so this package needs neither.
 *
 * A deployment gets a database of its own (created here and dropped at the end, unless the environment names
 * one) and a Redis db index of its own: n8n's cache keys ignore the Bull prefix, so two deployments on one
 * db index would read each other's cache.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';

import type { N8nRuntime } from './runtime';

export interface PostgresServer {
	host: string;
	port: number;
	user: string;
	/** Never logged or recorded. */
	password: string;
}

export interface RedisServer {
	host: string;
	port: number;
	/** Never logged or recorded. */
	password?: string;
}

export interface QueueServiceSettings {
	postgres: PostgresServer;
	/** The database the environment names (used as it is, never dropped); otherwise one is created. */
	database?: string;
	redis: RedisServer;
	/** The db index the environment names; otherwise the first empty one from 1 to 15 is taken. */
	redisDb?: number;
}

export function queueServicesFromEnv(env: NodeJS.ProcessEnv): QueueServiceSettings {
	const value = (name: string) => env[name]?.trim() || undefined;
	const redisDb = value('QUEUE_BULL_REDIS_DB');
	if (redisDb !== undefined && !/^\d+$/.test(redisDb)) {
		throw new Error(`QUEUE_BULL_REDIS_DB must be a db index (a whole number), not "${redisDb}"`);
	}
	return {
		postgres: {
			host: value('DB_POSTGRESDB_HOST') ?? '127.0.0.1',
			port: Number(value('DB_POSTGRESDB_PORT') ?? 5432),
			user: value('DB_POSTGRESDB_USER') ?? 'postgres',
			password: env.DB_POSTGRESDB_PASSWORD ?? '',
		},
		database: value('DB_POSTGRESDB_DATABASE'),
		redis: {
			host: value('QUEUE_BULL_REDIS_HOST') ?? '127.0.0.1',
			port: Number(value('QUEUE_BULL_REDIS_PORT') ?? 6379),
			password: value('QUEUE_BULL_REDIS_PASSWORD'),
		},
		redisDb: redisDb === undefined ? undefined : Number(redisDb),
	};
}

/** What a deployment holds in PostgreSQL and Redis, and what it must give back at the end. */
export interface QueueServices {
	database: string;
	/** False when the environment named the database: it is left as it is. */
	databaseCreated: boolean;
	redisDb: number;
	/** The key that marks the Redis db index as this deployment's (see claimRedisDb). */
	redisClaim: string;
	/** The variables every process of the deployment gets. */
	env: Record<string, string>;
}

/** Marks a Redis db index as taken; its value names the claim, so that only its owner empties the db. */
const CLAIM_KEY = 'n8n-nodes-codesignal:deployment';
const DATABASE_PREFIX = 'n8n_codesignal_';
/** Redis has 16 db indexes by default; 0 is left to everything else. */
const REDIS_DB_INDEXES = Array.from({ length: 15 }, (_, index) => index + 1);

export async function acquireQueueServices(
	runtime: N8nRuntime,
	settings: QueueServiceSettings,
): Promise<QueueServices> {
	const redisClaim = randomUUID();
	const redisDb = await claimRedisDb(runtime, settings.redis, redisClaim, settings.redisDb);
	const database = settings.database ?? `${DATABASE_PREFIX}${randomBytes(4).toString('hex')}`;
	try {
		if (!settings.database) await postgresAdmin(runtime, settings.postgres, `CREATE DATABASE "${database}"`);
	} catch (error) {
		await releaseRedisDb(runtime, settings.redis, redisDb, redisClaim);
		throw error;
	}
	const { postgres, redis } = settings;
	return {
		database,
		databaseCreated: !settings.database,
		redisDb,
		redisClaim,
		env: {
			EXECUTIONS_MODE: 'queue',
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: postgres.host,
			DB_POSTGRESDB_PORT: String(postgres.port),
			DB_POSTGRESDB_USER: postgres.user,
			DB_POSTGRESDB_PASSWORD: postgres.password,
			DB_POSTGRESDB_DATABASE: database,
			QUEUE_BULL_REDIS_HOST: redis.host,
			QUEUE_BULL_REDIS_PORT: String(redis.port),
			QUEUE_BULL_REDIS_DB: String(redisDb),
			...(redis.password ? { QUEUE_BULL_REDIS_PASSWORD: redis.password } : {}),
		},
	};
}

/** Drops the database this deployment created and empties its Redis db index. */
export async function releaseQueueServices(
	runtime: N8nRuntime,
	settings: QueueServiceSettings,
	services: Pick<QueueServices, 'database' | 'databaseCreated' | 'redisDb' | 'redisClaim'>,
): Promise<void> {
	await releaseRedisDb(runtime, settings.redis, services.redisDb, services.redisClaim);
	if (services.databaseCreated) {
		// FORCE: connections a killed n8n left open must not keep the database alive.
		await postgresAdmin(runtime, settings.postgres, `DROP DATABASE IF EXISTS "${services.database}" WITH (FORCE)`);
	}
}

/** The minimal surface of the runtime's `pg` and `ioredis` used here. */
interface PgClient {
	connect(): Promise<void>;
	query(sql: string): Promise<unknown>;
	end(): Promise<void>;
}
type PgModule = { Client: new (config: Record<string, unknown>) => PgClient };
interface RedisClient {
	set(key: string, value: string, mode: 'NX'): Promise<string | null>;
	get(key: string): Promise<string | null>;
	dbsize(): Promise<number>;
	del(key: string): Promise<number>;
	flushdb(): Promise<string>;
	quit(): Promise<string>;
	disconnect(): void;
}
type RedisConstructor = new (options: Record<string, unknown>) => RedisClient;

/** A module the n8n runtime ships (pg, ioredis), for tooling that must not depend on it itself. */
export function runtimeModule<T>(runtime: N8nRuntime, name: string): T {
	// eslint-disable-next-line @typescript-eslint/no-var-requires
	return require(join(runtime.root, 'node_modules', name)) as T;
}

async function postgresAdmin(runtime: N8nRuntime, server: PostgresServer, sql: string): Promise<void> {
	const { Client } = runtimeModule<PgModule>(runtime, 'pg');
	const client = new Client({ ...server, database: 'postgres', connectionTimeoutMillis: 10_000 });
	try {
		await client.connect();
		await client.query(sql);
	} catch (error) {
		throw new Error(`PostgreSQL at ${server.host}:${server.port} (user ${server.user}): ${sql}: ${(error as Error).message}`);
	} finally {
		await client.end().catch(() => undefined);
	}
}

async function withRedis<T>(
	runtime: N8nRuntime,
	server: RedisServer,
	db: number,
	use: (client: RedisClient) => Promise<T>,
): Promise<T> {
	const Redis = runtimeModule<RedisConstructor>(runtime, 'ioredis');
	const client = new Redis({ ...server, db, lazyConnect: false, maxRetriesPerRequest: 1, connectTimeout: 10_000 });
	try {
		return await use(client);
	} catch (error) {
		throw new Error(`Redis at ${server.host}:${server.port}, db ${db}: ${(error as Error).message}`);
	} finally {
		await client.quit().catch(() => client.disconnect());
	}
}

/**
 * Takes a db index that holds nothing: the claim key is set only where no one has set it, and the db must
 * hold that key alone (anything else there belongs to someone else). A named index must be empty too.
 */
async function claimRedisDb(
	runtime: N8nRuntime,
	server: RedisServer,
	claim: string,
	wanted: number | undefined,
): Promise<number> {
	for (const db of wanted === undefined ? REDIS_DB_INDEXES : [wanted]) {
		const claimed = await withRedis(runtime, server, db, async (client) => {
			if ((await client.set(CLAIM_KEY, claim, 'NX')) !== 'OK') return false;
			if ((await client.dbsize()) === 1) return true;
			await client.del(CLAIM_KEY);
			return false;
		});
		if (claimed) return db;
	}
	throw new Error(
		wanted === undefined
			? `Redis at ${server.host}:${server.port} has no empty db index from 1 to 15: set QUEUE_BULL_REDIS_DB to one this deployment may use`
			: `Redis db ${wanted} (QUEUE_BULL_REDIS_DB) at ${server.host}:${server.port} is not empty: name an empty db index, or empty it (redis-cli -n ${wanted} flushdb)`,
	);
}

/** Empties the db index if it is still this claim's (the keys n8n wrote there go with it). */
async function releaseRedisDb(runtime: N8nRuntime, server: RedisServer, db: number, claim: string): Promise<void> {
	await withRedis(runtime, server, db, async (client) => {
		if ((await client.get(CLAIM_KEY)) === claim) await client.flushdb();
	});
}
