/**
 * Runs the Endorsed sandbox until SIGINT/SIGTERM and prints one JSON line:
 * {"url", "baseUrl", "clientId", "clientSecret"}.
 *   npx tsx sandbox/endorsed/cli.ts --port 4200 [--host 127.0.0.1] [--evaluation-delay-ms 0]
 */
import { parseArgs } from 'util';
import { startEndorsedSandbox } from './index';

async function main(): Promise<void> {
	const { values } = parseArgs({
		options: {
			port: { type: 'string', default: '0' },
			host: { type: 'string', default: '127.0.0.1' },
			'evaluation-delay-ms': { type: 'string', default: '0' },
		},
	});
	const sandbox = await startEndorsedSandbox({
		host: values.host,
		port: integerOption('port', values.port),
		evaluationDelayMs: integerOption('evaluation-delay-ms', values['evaluation-delay-ms']),
	});
	const { url, baseUrl, clientId, clientSecret } = sandbox;
	process.stdout.write(`${JSON.stringify({ url, baseUrl, clientId, clientSecret })}\n`);
	const stop = () => void sandbox.close().then(() => process.exit(0));
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
}

function integerOption(name: string, value: string | undefined): number {
	const parsed = Number(value);
	if (!Number.isInteger(parsed) || parsed < 0) throw new RangeError(`--${name} must be a non-negative integer`);
	return parsed;
}

main().catch((error: Error) => {
	process.stderr.write(`${error.message}\n`);
	process.exit(1);
});
