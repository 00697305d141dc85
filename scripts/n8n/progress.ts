/**
 * Quiet progress for long commands: one line per phase with its elapsed time (redrawn every second on a
 * terminal, completed once the phase ends otherwise), while everything the phases' commands print goes to a
 * log file. A failing command's error carries its own last lines (see runCommand).
 */
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Where the output of commands goes: raw chunks, as they come. */
export type OutputSink = (chunk: string) => void;

/** Runs one named step of a longer command and reports it. */
export type PhaseRunner = <T>(label: string, run: () => Promise<T>) => Promise<T>;

const REDRAW_MS = 1000;

export class Progress {
	/** Appends command output to the log. */
	readonly log: OutputSink = (chunk) => appendFileSync(this.logFile, chunk);

	private readonly interactive: boolean;

	constructor(
		readonly logFile: string,
		private readonly out: NodeJS.WriteStream = process.stdout,
	) {
		mkdirSync(dirname(logFile), { recursive: true });
		writeFileSync(logFile, '');
		this.interactive = out.isTTY === true;
	}

	readonly phase: PhaseRunner = async (label, run) => {
		const startedAt = Date.now();
		const elapsed = () => formatDuration(Date.now() - startedAt);
		this.log(`\n=== ${label}\n`);
		let redraw: NodeJS.Timeout | undefined;
		if (this.interactive) {
			const draw = () => this.out.write(`\r\x1b[K▸ ${label} … ${elapsed()}`);
			draw();
			redraw = setInterval(draw, REDRAW_MS);
		} else {
			this.out.write(`▸ ${label} … `);
		}
		const end = (mark: string, outcome: string) => {
			clearInterval(redraw);
			this.out.write(this.interactive ? `\r\x1b[K${mark} ${label} (${outcome})\n` : `${outcome}\n`);
			this.log(`=== ${label}: ${outcome}\n`);
		};
		try {
			const result = await run();
			end('✓', elapsed());
			return result;
		} catch (error) {
			end('✗', `failed after ${elapsed()}`);
			throw error;
		}
	};
}

/** Phases and output on stderr, for commands whose output nobody filters (the test suites' setup). */
export const stderrPhases: PhaseRunner = async (label, run) => {
	process.stderr.write(`${label}…\n`);
	return run();
};

export const stderrSink: OutputSink = (chunk) => process.stderr.write(chunk);

export function formatDuration(ms: number): string {
	const seconds = Math.round(ms / 1000);
	return seconds < 60 ? `${seconds}s` : `${Math.floor(seconds / 60)}m ${seconds % 60}s`;
}

/** Runs phases without a word. */
export const silentPhases: PhaseRunner = (_label, run) => run();
