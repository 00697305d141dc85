/**
 * CodeSignal's query limits: depth, cost, page size, and the per-key rate limit.
 *
 * Cost model (CodeSignal documents "list fields cost a multiple of `first`"; the details here are the sandbox's):
 * - every field costs 1, and a field's selection adds the cost of its subfields;
 * - a field given a `first` argument costs `multiplier × first` itself, and its selection counts `first` times
 *   (each of the `first` items resolves it); the multiplier is 2 for companyTestSessions / testSessions, 1 otherwise;
 * - a list field called without `first` costs like any field (1), introspection fields (`__…`) cost nothing.
 * Depth: a root field is at depth 1, each nested selection adds 1; fragments add no depth.
 */
import {
	Kind,
	type DocumentNode,
	type FieldNode,
	type FragmentDefinitionNode,
	type OperationDefinitionNode,
	type SelectionSetNode,
	type ValueNode,
} from 'graphql';

const COST_MULTIPLIERS: Record<string, number> = { companyTestSessions: 2, testSessions: 2 };

export interface QueryLimits {
	maxDepth: number;
	maxCost: number;
	maxPageSize: number;
}

export interface QueryAnalysis {
	depth: number;
	cost: number;
	/** Every `first` value asked, with the field it was asked on. */
	pageSizes: Array<{ field: string; first: number }>;
}

interface Walk {
	fragments: Map<string, FragmentDefinitionNode>;
	variables: Record<string, unknown>;
	pageSizes: Array<{ field: string; first: number }>;
	/** Fragments being expanded, so a cyclic (invalid) document cannot recurse forever. */
	expanding: Set<string>;
}

function selectedOperation(
	document: DocumentNode,
	operationName?: string,
): OperationDefinitionNode | undefined {
	const operations = document.definitions.filter(
		(definition): definition is OperationDefinitionNode =>
			definition.kind === Kind.OPERATION_DEFINITION,
	);
	return operations.find((operation) => operation.name?.value === operationName) ?? operations[0];
}

function variableDefaults(operation: OperationDefinitionNode): Record<string, unknown> {
	const defaults: Record<string, unknown> = {};
	for (const definition of operation.variableDefinitions ?? []) {
		if (definition.defaultValue?.kind === Kind.INT) {
			defaults[definition.variable.name.value] = Number(definition.defaultValue.value);
		}
	}
	return defaults;
}

function intValue(node: ValueNode, variables: Record<string, unknown>): number | undefined {
	if (node.kind === Kind.INT) return Number(node.value);
	if (node.kind === Kind.VARIABLE) {
		const value = variables[node.name.value];
		return typeof value === 'number' ? value : undefined;
	}
	return undefined;
}

function firstArgument(field: FieldNode, walk: Walk): number | undefined {
	const argument = field.arguments?.find((candidate) => candidate.name.value === 'first');
	return argument ? intValue(argument.value, walk.variables) : undefined;
}

/** Cost and depth of a selection whose fields sit at `depth`. */
function measure(
	selectionSet: SelectionSetNode,
	depth: number,
	walk: Walk,
): { cost: number; depth: number } {
	let cost = 0;
	let deepest = depth - 1;
	const add = (inner: { cost: number; depth: number }) => {
		cost += inner.cost;
		deepest = Math.max(deepest, inner.depth);
	};
	for (const selection of selectionSet.selections) {
		if (selection.kind === Kind.INLINE_FRAGMENT) {
			add(measure(selection.selectionSet, depth, walk));
		} else if (selection.kind === Kind.FRAGMENT_SPREAD) {
			const name = selection.name.value;
			const fragment = walk.fragments.get(name);
			if (!fragment || walk.expanding.has(name)) continue;
			walk.expanding.add(name);
			add(measure(fragment.selectionSet, depth, walk));
			walk.expanding.delete(name);
		} else if (!selection.name.value.startsWith('__')) {
			const inner = selection.selectionSet
				? measure(selection.selectionSet, depth + 1, walk)
				: { cost: 0, depth };
			const first = firstArgument(selection, walk);
			if (first === undefined) {
				add({ cost: 1 + inner.cost, depth: inner.depth });
			} else {
				walk.pageSizes.push({ field: selection.name.value, first });
				const multiplier = COST_MULTIPLIERS[selection.name.value] ?? 1;
				add({ cost: multiplier * first + first * inner.cost, depth: inner.depth });
			}
		}
	}
	return { cost, depth: deepest };
}

export function analyzeQuery(
	document: DocumentNode,
	variables: Record<string, unknown> = {},
	operationName?: string,
): QueryAnalysis {
	const operation = selectedOperation(document, operationName);
	if (!operation) return { depth: 0, cost: 0, pageSizes: [] };
	const walk: Walk = {
		fragments: new Map(
			document.definitions
				.filter(
					(definition): definition is FragmentDefinitionNode =>
						definition.kind === Kind.FRAGMENT_DEFINITION,
				)
				.map((fragment) => [fragment.name.value, fragment]),
		),
		variables: { ...variableDefaults(operation), ...variables },
		pageSizes: [],
		expanding: new Set(),
	};
	const { cost, depth } = measure(operation.selectionSet, 1, walk);
	return { cost, depth, pageSizes: walk.pageSizes };
}

/** The cost CodeSignal's limit of 10,000 is checked against (see the model above). */
export function queryCost(
	document: DocumentNode,
	variables: Record<string, unknown> = {},
	operationName?: string,
): number {
	return analyzeQuery(document, variables, operationName).cost;
}

/** Messages for every limit the query breaks (empty when it may run). */
export function limitViolations(analysis: QueryAnalysis, limits: QueryLimits): string[] {
	const violations: string[] = [];
	if (analysis.depth > limits.maxDepth) {
		violations.push(
			`Query depth ${analysis.depth} exceeds the maximum depth of ${limits.maxDepth}`,
		);
	}
	for (const { field, first } of analysis.pageSizes) {
		if (first > limits.maxPageSize) {
			violations.push(
				`Argument "first" of ${field} is ${first}, above the maximum page size of ${limits.maxPageSize}`,
			);
		}
	}
	if (analysis.cost > limits.maxCost) {
		violations.push(`Query cost ${analysis.cost} exceeds the maximum of ${limits.maxCost}`);
	}
	return violations;
}

/** How stats name a key without showing it: its last 4 characters. */
export function keyLabel(key: string): string {
	return `…${key.slice(-4)}`;
}

/**
 * Per-key sliding window: a request is admitted when fewer than `limit` admitted requests arrived in the
 * last `windowMs`. Arrivals (admitted or not) are tracked separately to report the busiest window a client caused.
 */
export class SlidingWindowLimiter {
	private readonly admitted = new Map<string, number[]>();

	private readonly arrivals = new Map<string, number[]>();

	/** The most arrivals seen in any window, per key. */
	private readonly busiest = new Map<string, number>();

	constructor(
		private readonly limit: number,
		private readonly windowMs: number,
		private readonly now: () => number = () => performance.now(),
	) {}

	/** Counts an arrival; returns how many arrived in the window ending now, this one included. */
	recordArrival(key: string): number {
		const count = this.push(this.arrivals, key);
		this.busiest.set(key, Math.max(this.busiest.get(key) ?? 0, count));
		return count;
	}

	/** Admits the request if the key has budget left in the window. */
	tryAdmit(key: string): boolean {
		if (this.recent(this.admitted, key).length >= this.limit) return false;
		this.push(this.admitted, key);
		return true;
	}

	/** Uses budget without asking (a request answered by an injected fault still counted at CodeSignal). */
	consume(key: string): void {
		this.push(this.admitted, key);
	}

	/** The busiest window of any key. */
	maxRequestsInWindow(): number {
		return Math.max(0, ...this.busiest.values());
	}

	/** The busiest window of each key that sent anything, keyed by `keyLabel`. */
	busiestWindowByKey(): Record<string, number> {
		return Object.fromEntries([...this.busiest].map(([key, count]) => [keyLabel(key), count]));
	}

	/** The busiest window of one key (0 if it sent nothing since the last reset). */
	busiestWindowOf(key: string): number {
		return this.busiest.get(key) ?? 0;
	}

	resetStats(): void {
		this.arrivals.clear();
		this.busiest.clear();
	}

	private recent(log: Map<string, number[]>, key: string): number[] {
		let times = log.get(key);
		if (!times) {
			times = [];
			log.set(key, times);
		}
		const horizon = this.now() - this.windowMs;
		while (times.length > 0 && times[0] <= horizon) times.shift();
		return times;
	}

	private push(log: Map<string, number[]>, key: string): number {
		const times = this.recent(log, key);
		times.push(this.now());
		return times.length;
	}
}
