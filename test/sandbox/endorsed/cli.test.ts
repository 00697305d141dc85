import { spawn } from 'child_process';
import { once } from 'events';
import { createInterface } from 'readline';
import path from 'path';

const ROOT = path.resolve(__dirname, '../../..');

test('cli.ts prints one JSON line with the URLs and credentials, serves the API, and stops on SIGINT', async () => {
	const child = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), ['sandbox/endorsed/cli.ts', '--port', '0'], {
		cwd: ROOT,
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	try {
		const [line] = (await once(createInterface({ input: child.stdout }), 'line')) as [string];
		const started = JSON.parse(line);
		const token = await fetch(`${started.baseUrl}/auth/tokens`, {
			method: 'POST',
			body: new URLSearchParams({
				client_id: started.clientId,
				client_secret: started.clientSecret,
				grant_type: 'client_credentials',
			}),
		});

		expect(started).toEqual({
			url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
			baseUrl: `${started.url}/api/v1`,
			clientId: 'sandbox-client',
			clientSecret: 'sandbox-secret',
		});
		expect(token.status).toBe(200);

		child.kill('SIGINT');
		const [code] = await once(child, 'exit');
		expect(code).toBe(0);
	} finally {
		if (child.exitCode === null) child.kill('SIGKILL');
	}
});
