/** Where the sync reads from: CodeSignal through the package's transport (rate limit, retries). */
import type { Page, PageRequest } from '../../shared/pagination';
import { sessionDocuments, type RawSession, type SessionDetail } from '../../shared/codesignal/sessions';
import {
	allTests as allTestsOf,
	listTestsOldestFirst,
	type TestRef,
	type TestsAnswer,
} from '../../shared/codesignal/testSelection';
import type { CodeSignalClient, CodeSignalRequestOptions } from '../../shared/codesignal/transport';

export type { TestRef };

export interface SyncSource {
	/** A page of the company's tests, oldest first. */
	listTests(page: PageRequest): Promise<Page<TestRef>>;
	/** A page of a test's sessions as CodeSignal lists them (finished newest first, then the others), nulls kept. */
	listSessions(testId: string, page: PageRequest): Promise<Array<RawSession | null>>;
	/** The sessions of a test with these ids that still exist. */
	getSessions(testId: string, ids: string[]): Promise<RawSession[]>;
}

interface SessionsAnswer {
	companyTestSessions: Array<RawSession | null>;
}

const present = (session: RawSession | null): session is RawSession => session !== null;

export function codeSignalSyncSource(
	client: CodeSignalClient,
	detail: SessionDetail,
	requestOptions: CodeSignalRequestOptions = {},
): SyncSource {
	const sessions = sessionDocuments.list[detail];
	return {
		async listTests({ first, offset }) {
			const { companyTests } = await client.request<TestsAnswer>(listTestsOldestFirst, { first, offset }, requestOptions);
			return { items: companyTests.tests, hasNextPage: companyTests.pageInfo.hasNextPage };
		},
		async listSessions(testId, { first, offset }) {
			const answer = await client.request<SessionsAnswer>(sessions, { testId, first, offset }, requestOptions);
			return answer.companyTestSessions;
		},
		async getSessions(testId, ids) {
			const answer = await client.request<SessionsAnswer>(
				sessions,
				{ testId, ids, first: ids.length, offset: 0 },
				requestOptions,
			);
			return answer.companyTestSessions.filter(present);
		},
	};
}

/** Every test of the company, each once, read through the source. */
export async function allTests(source: SyncSource, pageSize: number): Promise<TestRef[]> {
	return await allTestsOf((page) => source.listTests(page), pageSize);
}
