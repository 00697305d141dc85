/** The packed package that global-setup.ts built for this run. */
export const PACKAGE_TARBALL_VARIABLE = 'N8N_NODES_CODESIGNAL_E2E_TARBALL';

export const PACKAGE_NAME = 'n8n-nodes-codesignal';

export function packageTarball(): string {
	const tarball = process.env[PACKAGE_TARBALL_VARIABLE];
	if (!tarball) {
		throw new Error(`${PACKAGE_TARBALL_VARIABLE} is not set: run the suite with test/e2e/jest.e2e.config.js`);
	}
	return tarball;
}
