/**
 * `npm run torture:backfill [-- --seed N --port P --minutes M]`: the backfill example in a real n8n, under
 * injected faults and three SIGKILLs (see backfillTorture.ts). Prints the sizes of the finished sessions, the
 * sessions with a report in Endorsed, the missing, extra and duplicated ones and their ids; exits non-zero
 * unless none is missing and none duplicated. n8n's output goes to the log file whose path is printed first.
 */
import { parseArgs } from 'node:util';

import { describeDiagnosis } from './backfillDiagnosis';
import { type BackfillTortureReport, describeKill, runBackfillTorture } from './backfillTorture';

const DEFAULTS = { seed: 13, port: 6650, minutes: 15 };

function numberOption(value: string | undefined, name: string, fallback: number): number {
	if (value === undefined) return fallback;
	const parsed = Number(value);
	if (!Number.isInteger(parsed) || parsed <= 0) throw new Error(`--${name} must be a positive whole number, got "${value}"`);
	return parsed;
}

const ids = (values: string[]) => (values.length > 0 ? `: ${values.join(' ')}` : '');

function print(report: BackfillTortureReport): void {
	const out = (line: string) => process.stdout.write(`${line}\n`);
	const executions = Object.entries(report.executions)
		.map(([status, count]) => `${count} ${status}`)
		.join(', ');
	const { codeSignal } = report;
	out(`kills: ${report.kills.map((kill) => `${kill.at} s (${describeKill(kill)})`).join('; ')}`);
	out(`executions: ${executions}; report uploads to Endorsed: ${report.reportUploads}`);
	out(
		`CodeSignal: ${codeSignal.requests} requests, ${codeSignal.injectedFaults} answered 429/5xx by injection, ` +
			`${codeSignal.nulledEntries} entries returned null (${report.nullWarningsInLog} warnings in n8n's log), ` +
			`first=${codeSignal.largestFirstAsked} asked, capped to 20`,
	);
	out(`run: ${report.minutes} min, ${report.caughtUp ? 'caught up' : 'NOT caught up'}`);
	out(`finished sessions: ${report.finished.length}`);
	out(`with a report in Endorsed: ${report.reported.length}`);
	out(`missing: ${report.missing.length}${ids(report.missing)}`);
	out(`extra: ${report.extra.length}${ids(report.extra)}`);
	out(
		`duplicated: ${report.duplicated.length}${ids(
			report.duplicated.map((dup) => `${dup.sessionId}(reports ${dup.reports}, candidates ${dup.candidates}, nominations ${dup.nominations})`),
		)}`,
	);
	for (const diagnosis of report.diagnoses) out(`  ${describeDiagnosis(diagnosis)}`);
	out(`n8n log: ${report.logFile}`);
	out(`run record (nulls, cursors every 5 s, kills): ${report.recordFile}`);
}

async function main(): Promise<number> {
	const { values } = parseArgs({
		options: { seed: { type: 'string' }, port: { type: 'string' }, minutes: { type: 'string' } },
	});
	const report = await runBackfillTorture({
		seed: numberOption(values.seed, 'seed', DEFAULTS.seed),
		port: numberOption(values.port, 'port', DEFAULTS.port),
		maxMinutes: numberOption(values.minutes, 'minutes', DEFAULTS.minutes),
		say: (line) => process.stdout.write(`${line}\n`),
	});
	print(report);
	return report.missing.length === 0 && report.duplicated.length === 0 ? 0 : 1;
}

main().then(
	(code) => process.exit(code),
	(error: Error) => {
		process.stderr.write(`torture:backfill failed: ${error.message}\n`);
		process.exit(2);
	},
);
