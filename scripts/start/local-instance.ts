/** The n8n that `npm start` runs on this machine: where its data lives and who logs in. */
import { join } from 'node:path';

import type { OwnerAccount } from '../n8n/instance';
import { REPO_ROOT } from '../n8n/package-tarball';

/** Git ignores it; `npm start -- --fresh` deletes it. */
export const LOCAL_USER_FOLDER = join(REPO_ROOT, '.n8n-local');

export const DEFAULT_PORT = 5678;

/** Only for this local n8n, which listens on 127.0.0.1 alone. */
export const LOCAL_OWNER: OwnerAccount = {
	email: 'admin@codesignal.local',
	password: 'CodeSignal-n8n-1',
	firstName: 'Local',
	lastName: 'Admin',
};
