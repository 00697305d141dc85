/**
 * Named GraphQL documents shared by several nodes. Each validates against the published schema
 * (a test collects every document the package ships and checks it).
 */
import type { GraphqlOperation } from './transport';

/** What the credential test runs: the smallest query that proves the key works. */
export const verifyCredential: GraphqlOperation = {
	name: 'VerifyCredential',
	action: 'read the company',
	document: /* GraphQL */ `
		query VerifyCredential {
			company {
				id
				name
			}
		}
	`,
};
