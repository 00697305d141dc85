/**
 * What Linux's /proc tells about processes: whether one is alive (and still the same process), its command
 * line, its descendants, and which process listens on a TCP port. The n8n runtimes here are linux-x64 only.
 */
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { basename } from 'node:path';

/**
 * Whether the process runs. One that has exited but is not reaped yet (a zombie) does not, unless other
 * threads of it are still exiting: until the last one has, its files and sockets are still open.
 */
export function isAlive(pid: number): boolean {
	if (!Number.isInteger(pid) || pid <= 0) return false;
	try {
		process.kill(pid, 0);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
	}
	if (statFields(pid)?.[0] !== 'Z') return true;
	try {
		return readdirSync(`/proc/${pid}/task`).length > 1;
	} catch {
		return false;
	}
}

/**
 * When the process started, in clock ticks since boot (field 22 of /proc/<pid>/stat): with the pid it names
 * one process for good, since a pid can be reused. Undefined once the process is gone.
 */
export function processStartTicks(pid: number): number | undefined {
	const fields = statFields(pid);
	return fields ? Number(fields[19]) : undefined;
}

/** Fields 3 and on of /proc/<pid>/stat (state, parent pid...): the command name before them may hold spaces. */
function statFields(pid: number): string[] | undefined {
	const stat = readOrUndefined(`/proc/${pid}/stat`);
	return stat?.slice(stat.lastIndexOf(')') + 2).split(' ');
}

/** The program and its arguments; empty once the process is gone. */
export function commandLine(pid: number): string[] {
	return (readOrUndefined(`/proc/${pid}/cmdline`) ?? '').split('\0').filter(Boolean);
}

/** The program and its arguments, paths shortened to their last part: `node n8n start (pid 42)`. */
export function describeProcess(pid: number): string {
	const argv = commandLine(pid);
	if (argv.length === 0) return `pid ${pid}`;
	const words = argv.map((word) => (word.startsWith('/') ? basename(word) : word));
	const command = words.join(' ');
	return `${command.length > 80 ? `${command.slice(0, 77)}...` : command} (pid ${pid})`;
}

export function parentPid(pid: number): number | undefined {
	const fields = statFields(pid);
	return fields ? Number(fields[1]) : undefined;
}

/** Every process below `pid` in the process tree (children, their children...), whatever their group. */
export function descendantPids(pid: number): number[] {
	const children = new Map<number, number[]>();
	for (const other of allPids()) {
		const parent = parentPid(other);
		if (parent !== undefined) children.set(parent, [...(children.get(parent) ?? []), other]);
	}
	const found: number[] = [];
	const visit = (parent: number) => {
		for (const child of children.get(parent) ?? []) {
			found.push(child);
			visit(child);
		}
	};
	visit(pid);
	return found;
}

/**
 * The process that listens on `port` (any local address, IPv4 or IPv6), described as describeProcess does;
 * undefined when nothing listens; when no process that this user can see holds the socket, says so.
 */
export function portListener(port: number): string | undefined {
	const inodes = new Set(['/proc/net/tcp', '/proc/net/tcp6'].flatMap((table) => listeningInodes(table, port)));
	if (inodes.size === 0) return undefined;
	for (const pid of allPids()) {
		let descriptors: string[];
		try {
			descriptors = readdirSync(`/proc/${pid}/fd`);
		} catch {
			continue;
		}
		for (const descriptor of descriptors) {
			const target = readlinkOrEmpty(`/proc/${pid}/fd/${descriptor}`);
			if (target.startsWith('socket:[') && inodes.has(target.slice(8, -1))) return describeProcess(pid);
		}
	}
	return 'a process this user cannot see (of another user, or exiting)';
}

/** Socket inodes in LISTEN state (st 0A) on the port, from one of the kernel's TCP tables. */
function listeningInodes(table: string, port: number): string[] {
	const lines = (readOrUndefined(table) ?? '').split('\n').slice(1);
	return lines.flatMap((line) => {
		const fields = line.trim().split(/\s+/);
		const localPort = parseInt(fields[1]?.split(':')[1] ?? '', 16);
		return localPort === port && fields[3] === '0A' ? [fields[9]] : [];
	});
}

function allPids(): number[] {
	return readdirSync('/proc')
		.filter((name) => /^\d+$/.test(name))
		.map(Number);
}

function readOrUndefined(path: string): string | undefined {
	try {
		return readFileSync(path, 'utf8');
	} catch {
		return undefined;
	}
}

function readlinkOrEmpty(path: string): string {
	try {
		return readlinkSync(path);
	} catch {
		return '';
	}
}
