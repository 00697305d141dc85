/**
 * `npm run docs:api-coverage`: README's section "Compared with CodeSignal's MCP server", made from the
 * published schema and the GraphQL documents the CodeSignal node's operations send, so that no Query or
 * Mutation can be missing from it. `npm run docs:api-coverage -- --check` only says whether README is
 * current (exit 1 when not). The fast suite checks the same (test/scripts/api-coverage.test.ts).
 *
 * Which operation offers a field is read from the code: each operation file's own exported documents and
 * the documents it takes from the modules it imports (`sessionDocuments.get` counts, not all of
 * `sessionDocuments`); pick lists and the credential test are named as such.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

import { Kind, parse } from 'graphql';
import ts from 'typescript';

import { resources } from '../nodes/CodeSignal/actions';
import { CodeSignal } from '../nodes/CodeSignal/CodeSignal.node';
import { codeSignalSchema } from '../nodes/shared/codesignal/schema';
import type { GraphqlOperation } from '../nodes/shared/codesignal/transport';

const ROOT = resolve(__dirname, '..');
export const README = join(ROOT, 'README.md');
const START = '<!-- api-coverage:start (npm run docs:api-coverage writes this section) -->';
const END = '<!-- api-coverage:end -->';

/**
 * Fields no operation offers, and why. CodeSignal's reference marks the "internal use only" ones so (the
 * schema shipped here has its descriptions removed); issue 15 names the partner-only ones.
 */
export const LEFT_OUT: Record<string, string> = {
	companies: 'Partner-only: the companies a partner key manages; a customer key reads its own with Company → Get',
	servicePlans: "CodeSignal's service plans, read to change a company's plan with editCompanyPlanSettings: partner-only",
	editCompanyPlanSettings: "Partner-only: changes a managed company's plan settings",
	systemRoles: "Internal use only in CodeSignal's reference; companyRoles answers the system roles too (Role → Get Many, Kind: System Roles)",
	saveRole: "Internal use only in CodeSignal's reference; Role → Create and Update write company roles",
	hasAccess: "Internal use only in CodeSignal's reference; a key without a permission gets \"Access Denied\" on the call",
	hasAccessList: "Internal use only in CodeSignal's reference (as hasAccess)",
	aiInterviewers: "Internal use only in CodeSignal's reference",
	aiInterviewerDomains: "Internal use only in CodeSignal's reference",
	llmModelCategories: "Internal use only in CodeSignal's reference",
	updateLockdownFrameworkEnabled: "Internal use only in CodeSignal's reference",
};

/**
 * CodeSignal's official MCP server (https://codesignal.com/api/mcp, repository codesignal/codesignal-mcp-server),
 * its tools by group as api-evangelist/codesignal's mcp/codesignal-mcp.yml lists them (generated 2026-07-18 from
 * that repository, which is not readable here), each with the schema field its name says it calls.
 */
export const MCP_TOOLS: Array<{ group: string; tools: Array<[tool: string, field: string]> }> = [
	{
		group: 'Company & Access',
		tools: [['get_company', 'company'], ['get_user', 'user'], ['list_company_roles', 'companyRoles'], ['get_role', 'role']],
	},
	{
		group: 'Tests',
		tools: [
			['list_tests', 'companyTests'],
			['get_test', 'companyTest'],
			['list_test_labels', 'testLabels'],
			['create_test', 'createCompanyTest'],
			['edit_test', 'editCompanyTest'],
			['duplicate_test', 'duplicateCompanyTest'],
		],
	},
	{
		group: 'Certified Assessments',
		tools: [
			['list_certified_assessments', 'certificationTests'],
			['get_standardized_test', 'standardizedTest'],
			['create_test_from_certified_assessment', 'createCompanyTestFromFramework'],
		],
	},
	{
		group: 'Test Sessions',
		tools: [
			['list_test_sessions', 'companyTestSessions'],
			['get_test_session', 'companyTestSession'],
			['get_standardized_test_session', 'standardizedTestSession'],
			['lookup_ats_test_sessions', 'atsCompanyTestSessions'],
			['create_test_session', 'createCompanyTestSession'],
			['resend_test_session', 'resendCompanyTestSession'],
			['reactivate_test_session', 'reactivateCompanyTestSession'],
			['edit_test_session_duration', 'editCompanyTestSessionDuration'],
			['edit_test_session_expiration', 'editCompanyTestSessionExpiration'],
			['set_test_session_reminders', 'setCompanyTestSessionReminders'],
			['archive_test_session', 'archiveCompanyTestSession'],
			['unarchive_test_session', 'unarchiveCompanyTestSession'],
			['grade_test_result', 'gradeCompanyTestResult'],
			['mark_test_result_graded', 'markCompanyTestResultAsGraded'],
			['delete_test_session', 'deleteCompanyTestSession'],
		],
	},
	{
		group: 'Live Interviews',
		tools: [
			['list_interviews', 'liveInterviews'],
			['get_interview', 'liveInterview'],
			['create_interview', 'createLiveInterview'],
			['edit_interview', 'editLiveInterview'],
			['delete_interview', 'deleteLiveInterview'],
		],
	},
	{
		group: 'Interview Templates',
		tools: [
			['list_interview_templates', 'interviewTemplates'],
			['get_interview_template', 'interviewTemplate'],
			['create_interview_template', 'createInterviewTemplate'],
			['edit_interview_template', 'editInterviewTemplate'],
			['delete_interview_template', 'deleteInterviewTemplate'],
		],
	},
	{ group: 'Questions', tools: [['get_task', 'task']] },
];

/** Places outside the operations that send a document of their own, and how README names them. */
const OTHER_SENDERS: Array<{ file: string; label: (document: GraphqlOperation) => string }> = [
	{ file: 'nodes/CodeSignal/methods/listSearch.ts', label: (document) => `a pick list (${document.action})` },
	{ file: 'nodes/shared/codesignal/credentialTest.ts', label: () => 'the credential test' },
];

function isGraphqlOperation(value: unknown): value is GraphqlOperation {
	const candidate = value as Partial<GraphqlOperation> | null;
	return typeof candidate?.document === 'string' && typeof candidate.name === 'string';
}

/** Every GraphqlOperation in a value: itself, or inside its objects (a map of documents by detail, say). */
function documentsIn(value: unknown, depth = 0): GraphqlOperation[] {
	if (isGraphqlOperation(value)) return [value];
	if (!value || typeof value !== 'object' || depth > 3) return [];
	return Object.values(value).flatMap((inner) => documentsIn(inner, depth + 1));
}

function rootFields(document: GraphqlOperation): string[] {
	return parse(document.document).definitions.flatMap((definition) =>
		definition.kind === Kind.OPERATION_DEFINITION
			? definition.selectionSet.selections.flatMap((selection) => (selection.kind === Kind.FIELD ? [selection.name.value] : []))
			: [],
	);
}

/**
 * The documents an operation file sends: its own exports, and what it reads of the values it imports from
 * the package's modules, followed through property accesses.
 */
function documentsOfFile(file: string): GraphqlOperation[] {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const own = documentsIn(require(file));
	const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
	const imported = new Map<string, { module: string; exported: string }>();
	for (const statement of source.statements) {
		if (!ts.isImportDeclaration(statement) || statement.importClause?.isTypeOnly) continue;
		const specifier = (statement.moduleSpecifier as ts.StringLiteral).text;
		const bindings = statement.importClause?.namedBindings;
		if (!specifier.startsWith('.') || !bindings || !ts.isNamedImports(bindings)) continue;
		for (const element of bindings.elements) {
			if (element.isTypeOnly) continue;
			imported.set(element.name.text, {
				module: resolve(dirname(file), specifier),
				exported: (element.propertyName ?? element.name).text,
			});
		}
	}
	const used: GraphqlOperation[] = [];
	const visit = (node: ts.Node) => {
		const origin = ts.isIdentifier(node) && !ts.isImportSpecifier(node.parent) ? imported.get(node.text) : undefined;
		if (origin) {
			// eslint-disable-next-line @typescript-eslint/no-require-imports
			let value = (require(origin.module) as Record<string, unknown>)[origin.exported];
			let access: ts.Node = node;
			while (ts.isPropertyAccessExpression(access.parent) && access.parent.expression === access && value && typeof value === 'object') {
				value = (value as Record<string, unknown>)[access.parent.name.text];
				access = access.parent;
			}
			used.push(...documentsIn(value));
		}
		ts.forEachChild(node, visit);
	};
	visit(source);
	return [...new Set([...own, ...used])];
}

/** The file an operation module came from (found by its execute function: an import may wrap the exports). */
function fileOf(operation: unknown): string {
	const { execute } = operation as { execute: unknown };
	const entry = Object.values(require.cache).find((cached) => (cached?.exports as { execute?: unknown } | undefined)?.execute === execute);
	if (!entry) throw new Error('An operation module is not in require.cache');
	return entry.filename;
}

/** "Resource → Operation" for each operation of the CodeSignal node, with the file it lives in. */
function codeSignalOperations(): Array<{ label: string; file: string }> {
	const resourceParameter = new CodeSignal().description.properties.find((property) => property.name === 'resource')!;
	const resourceNames = new Map((resourceParameter.options as Array<{ name: string; value: string }>).map((option) => [option.value, option.name]));
	return Object.entries(resources).flatMap(([resource, module]) => {
		const operationParameter = module.description.find((property) => property.name === 'operation')!;
		return (operationParameter.options as Array<{ name: string; value: string }>).map((option) => ({
			label: `${resourceNames.get(resource)} → ${option.name}`,
			file: fileOf(module[option.value]),
		}));
	});
}

export interface SchemaRow {
	kind: 'Query' | 'Mutation';
	field: string;
	offeredBy: string[];
	leftOut?: string;
}

/** One row per field of Query and Mutation, in the schema's order. */
export function schemaRows(): SchemaRow[] {
	const offeredBy = new Map<string, Set<string>>();
	const offer = (field: string, label: string) => {
		if (!offeredBy.has(field)) offeredBy.set(field, new Set());
		offeredBy.get(field)!.add(label);
	};
	for (const operation of codeSignalOperations()) {
		for (const document of documentsOfFile(operation.file)) rootFields(document).forEach((field) => offer(field, operation.label));
	}
	for (const sender of OTHER_SENDERS) {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		for (const document of documentsIn(require(join(ROOT, sender.file)))) {
			rootFields(document).forEach((field) => offer(field, sender.label(document)));
		}
	}
	const schema = codeSignalSchema();
	const rows = (['Query', 'Mutation'] as const).flatMap((kind) =>
		Object.keys((kind === 'Query' ? schema.getQueryType() : schema.getMutationType())!.getFields()).map((field): SchemaRow => {
			const labels = [...(offeredBy.get(field) ?? [])];
			// Operations first, pick lists and the credential test after them.
			labels.sort((a, b) => Number(a.startsWith('a pick list') || a.startsWith('the ')) - Number(b.startsWith('a pick list') || b.startsWith('the ')));
			return { kind, field, offeredBy: labels, ...(LEFT_OUT[field] ? { leftOut: LEFT_OUT[field] } : {}) };
		}),
	);
	const stale = rows.filter((row) => row.offeredBy.length > 0 && row.leftOut).map((row) => row.field);
	const unknown = Object.keys(LEFT_OUT).filter((field) => !rows.some((row) => row.field === field));
	if (stale.length > 0 || unknown.length > 0) {
		throw new Error(`LEFT_OUT names fields that are offered (${stale.join(', ')}) or not in the schema (${unknown.join(', ')})`);
	}
	return rows;
}

const cell = (row: SchemaRow) =>
	row.offeredBy.length > 0 ? row.offeredBy.join(', ') : row.leftOut ? `Left out: ${row.leftOut}` : '**Missing**';

/** README's section, between its markers. */
export function coverageSection(rows = schemaRows()): string {
	const byField = new Map(rows.map((row) => [row.field, row]));
	const toolCount = MCP_TOOLS.reduce((count, group) => count + group.tools.length, 0);
	const lines = [
		START,
		`CodeSignal's official MCP server (\`https://codesignal.com/api/mcp\`) has ${toolCount} tools in ${MCP_TOOLS.length} groups (as listed`,
		'from its repository, `codesignal/codesignal-mcp-server`; the schema field each calls is read from its name).',
		'Each is offered here:',
		'',
		'| MCP tool | Schema field | In this package |',
		'|---|---|---|',
		...MCP_TOOLS.flatMap(({ group, tools }) =>
			tools.map(([tool, field]) => `| ${group}: \`${tool}\` | \`${field}\` | ${byField.get(field) ? cell(byField.get(field)!) : '**Not in the schema**'} |`),
		),
		'',
		`Every field of the published schema's Query (${rows.filter((row) => row.kind === 'Query').length}) and Mutation`,
		`(${rows.filter((row) => row.kind === 'Mutation').length}) types, with the CodeSignal node's operation that sends it, or why it is left out:`,
		'',
		'| Type | Field | Offered by |',
		'|---|---|---|',
		...rows.map((row) => `| ${row.kind} | \`${row.field}\` | ${cell(row)} |`),
		END,
	];
	return lines.join('\n');
}

/** README with its section replaced by `section`. */
export function withSection(readme: string, section: string): string {
	const start = readme.indexOf(START);
	const end = readme.indexOf(END);
	if (start === -1 || end === -1) throw new Error(`README.md has no section between "${START}" and "${END}"`);
	return readme.slice(0, start) + section + readme.slice(end + END.length);
}

if (require.main === module) {
	const readme = readFileSync(README, 'utf8');
	const updated = withSection(readme, coverageSection());
	if (process.argv.includes('--check')) {
		if (updated !== readme) {
			console.error('README.md\'s "Compared with CodeSignal\'s MCP server" is out of date: run npm run docs:api-coverage');
			process.exit(1);
		}
		console.log('README.md\'s "Compared with CodeSignal\'s MCP server" is current');
	} else {
		writeFileSync(README, updated);
		console.log('README.md: "Compared with CodeSignal\'s MCP server" written');
	}
}
