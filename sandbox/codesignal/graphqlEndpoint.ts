/**
 * POST /graphql, in CodeSignal's order: API key, injected faults, rate limit, then parse, validate,
 * query limits and execution. Returns what to answer; the HTTP server writes it.
 */
import type { IncomingHttpHeaders } from 'http';
import {
	execute,
	GraphQLError,
	parse,
	validate,
	type DocumentNode,
	type GraphQLSchema,
} from 'graphql';

import type { Fault, FaultInjector } from './faults';
import { analyzeQuery, limitViolations, type SlidingWindowLimiter } from './limits';
import type { SandboxSettings } from './options';
import { resolveField, resolveType, type ResolverContext } from './resolvers';
import type { StatsRecorder } from './stats';
import type { SandboxStore } from './store';

export interface Answer {
	status: number;
	headers: Record<string, string>;
	body: string;
	/** Answer only after this long (injected slowness). */
	delayMs?: number;
	/** Destroy the connection instead of answering (injected). */
	drop?: boolean;
	/** For the request log. */
	operationName?: string;
}

export interface GraphqlEndpointDependencies {
	schema: GraphQLSchema;
	store: SandboxStore;
	settings: SandboxSettings;
	limiter: SlidingWindowLimiter;
	stats: StatsRecorder;
	faults: () => FaultInjector | undefined;
}

interface GraphqlRequestBody {
	query: string;
	variables: Record<string, unknown>;
	operationName?: string;
}

const JSON_HEADERS = { 'content-type': 'application/json' };

function errorAnswer(
	status: number,
	messages: ReadonlyArray<string | GraphQLError>,
	headers: Record<string, string> = {},
): Answer {
	const errors = messages.map((message) =>
		typeof message === 'string' ? { message } : message.toJSON(),
	);
	return { status, headers: { ...JSON_HEADERS, ...headers }, body: JSON.stringify({ errors }) };
}

function bearerKey(headers: IncomingHttpHeaders): string | undefined {
	const match = /^Bearer\s+(\S+)\s*$/i.exec(headers.authorization ?? '');
	return match?.[1];
}

function parseBody(raw: string): GraphqlRequestBody | undefined {
	try {
		const body = JSON.parse(raw) as Partial<Record<keyof GraphqlRequestBody, unknown>>;
		const variables = body.variables ?? {};
		if (
			typeof body.query !== 'string' ||
			typeof variables !== 'object' ||
			Array.isArray(variables)
		) {
			return undefined;
		}
		const operationName = typeof body.operationName === 'string' ? body.operationName : undefined;
		return { query: body.query, variables: variables as Record<string, unknown>, operationName };
	} catch {
		return undefined;
	}
}

function faultAnswer(fault: Exclude<Fault, { type: 'slow' }>): Answer {
	return fault.type === 'drop' ? { status: 0, headers: {}, body: '', drop: true } : { ...fault };
}

export class GraphqlEndpoint {
	constructor(private readonly dependencies: GraphqlEndpointDependencies) {}

	async handle(headers: IncomingHttpHeaders, rawBody: string): Promise<Answer> {
		const { settings, limiter, stats } = this.dependencies;
		const key = bearerKey(headers);
		if (key === undefined || !Object.hasOwn(settings.apiKeys, key)) {
			return errorAnswer(401, ['Unauthorized: invalid API key']);
		}
		const request = parseBody(rawBody);
		if (!request) {
			return errorAnswer(400, [
				'POST body must be JSON: {"query": string, "variables"?: object, "operationName"?: string}',
			]);
		}

		limiter.recordArrival(key);
		const fault = this.dependencies
			.faults()
			?.decide({ operationName: request.operationName, variables: request.variables });
		if (fault) stats.injectedFault();
		if (fault && fault.type !== 'slow') {
			limiter.consume(key);
			return { ...faultAnswer(fault), operationName: request.operationName };
		}
		let answer: Answer;
		if (limiter.tryAdmit(key)) {
			answer = await this.run(request, settings.apiKeys[key]);
		} else {
			stats.rateLimited();
			answer = this.rateLimitAnswer();
		}
		return { ...answer, delayMs: fault?.delayMs, operationName: request.operationName };
	}

	private rateLimitAnswer(): Answer {
		const { style, retryAfterHeader } = this.dependencies.settings.rateLimit;
		const headers: Record<string, string> = retryAfterHeader ? { 'retry-after': '1' } : {};
		if (style === 'graphqlError') {
			const body = JSON.stringify({ data: null, errors: [{ message: 'Rate limit exceeded' }] });
			return { status: 200, headers: { ...JSON_HEADERS, ...headers }, body };
		}
		return errorAnswer(429, ['Rate limit exceeded'], headers);
	}

	private async run(request: GraphqlRequestBody, permissions: 'all' | string[]): Promise<Answer> {
		const { schema, store, settings, stats } = this.dependencies;
		stats.graphqlRequest();
		let document: DocumentNode;
		try {
			document = parse(request.query);
		} catch (error) {
			return errorAnswer(400, [error as GraphQLError]);
		}
		const validationErrors = validate(schema, document);
		if (validationErrors.length > 0) return errorAnswer(400, validationErrors);

		const analysis = analyzeQuery(document, request.variables, request.operationName);
		for (const { first } of analysis.pageSizes) stats.pageSize(first);
		const listFaults = this.dependencies.faults()?.listFaults;
		// A silent cap lowers `first` instead of refusing it.
		const pageLimit = listFaults?.silentPageCap !== undefined ? Infinity : settings.maxPageSize;
		const violations = limitViolations(analysis, { ...settings, maxPageSize: pageLimit });
		if (violations.length > 0) return errorAnswer(400, violations);

		const contextValue: ResolverContext = {
			store,
			allowedFields: permissions === 'all' ? 'all' : new Set(permissions),
			defaultPageSize: settings.maxPageSize,
			onRootField: (name) => stats.operation(name),
			listFaults,
		};
		const result = await execute({
			schema,
			document,
			variableValues: request.variables,
			operationName: request.operationName,
			contextValue,
			fieldResolver: resolveField,
			typeResolver: resolveType,
		});
		// Without `data` the request itself was refused (bad variables, unknown operation): a client error.
		return {
			status: 'data' in result ? 200 : 400,
			headers: JSON_HEADERS,
			body: JSON.stringify(result),
		};
	}
}
