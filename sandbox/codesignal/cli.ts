/**
 * Runs the sandbox from the command line:
 *   npx tsx sandbox/codesignal/cli.ts --port 4100 [--seed N] [--tests N] [--sessions-per-test N] [--api-key K] [--log]
 * Prints one JSON line {"url","graphqlUrl","apiKey"} when ready; stops on SIGINT/SIGTERM.
 */
import { startCodeSignalSandbox, type CodeSignalSandboxOptions } from './index';

const USAGE =
	'Usage: cli.ts [--port N] [--host H] [--seed N] [--tests N] [--sessions-per-test N] [--api-key KEY] [--log]';

function integer(flag: string, value: string | undefined): number {
	const number = Number(value);
	if (value === undefined || !Number.isInteger(number) || number < 0) {
		throw new Error(`${flag} needs a whole number`);
	}
	return number;
}

export function parseArguments(argv: string[]): CodeSignalSandboxOptions {
	const options: CodeSignalSandboxOptions = { dataset: {} };
	for (let index = 0; index < argv.length; index++) {
		const flag = argv[index];
		const value = argv[index + 1];
		switch (flag) {
			case '--port':
				options.port = integer(flag, value);
				break;
			case '--host':
				if (!value) throw new Error('--host needs a value');
				options.host = value;
				break;
			case '--seed':
				options.seed = integer(flag, value);
				break;
			case '--tests':
				options.dataset = { ...options.dataset, tests: integer(flag, value) };
				break;
			case '--sessions-per-test':
				options.dataset = { ...options.dataset, sessionsPerTest: integer(flag, value) };
				break;
			case '--api-key':
				if (!value) throw new Error('--api-key needs a value');
				options.apiKeys = { [value]: 'all' };
				break;
			case '--log':
				options.logRequests = true;
				continue;
			default:
				throw new Error(`Unknown argument ${flag}`);
		}
		index++;
	}
	return options;
}

async function main(): Promise<void> {
	let options: CodeSignalSandboxOptions;
	try {
		options = parseArguments(process.argv.slice(2));
	} catch (error) {
		console.error(`${(error as Error).message}\n${USAGE}`);
		process.exit(2);
	}
	const sandbox = await startCodeSignalSandbox(options);
	process.stdout.write(
		`${JSON.stringify({ url: sandbox.url, graphqlUrl: sandbox.graphqlUrl, apiKey: sandbox.apiKey })}\n`,
	);
	const stop = () => {
		void sandbox.close().then(() => process.exit(0));
	};
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
}

if (require.main === module) void main();
