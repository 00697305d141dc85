import { rmSync } from 'node:fs';
import { dirname } from 'node:path';

import { PACKAGE_TARBALL_VARIABLE } from './support/package';

export default function globalTeardown(): void {
	const tarball = process.env[PACKAGE_TARBALL_VARIABLE];
	if (tarball) rmSync(dirname(tarball), { recursive: true, force: true });
}
