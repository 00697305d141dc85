/**
 * CPU time a process has used, from Linux's /proc: the server's own cost per request, which other processes
 * on the machine disturb far less than they disturb latency.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

let ticksPerSecond: number | undefined;

/** User plus system CPU milliseconds the process has used so far. */
export function processCpuMs(pid: number): number {
	ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
	// The command name in parentheses may hold spaces: count the fields after it (utime and stime are 14 and 15).
	const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	const ticks = Number(fields[11]) + Number(fields[12]);
	return (ticks * 1000) / ticksPerSecond;
}
