import { auditEndorsed, AuditedCandidate, EndorsedRecords, PushedSession } from '../../../scripts/torture/endorsedAudit';

const JOB = 'job-1';

function candidate(id: string, remoteId: string, email: string, reports: string[]): AuditedCandidate {
	return {
		id,
		remote_id: remoteId,
		email_addresses: [{ value: email }],
		attachments: reports.map((session) => ({ remote_id: `codesignal-session-${session}` })),
	};
}

const nomination = (id: string, candidateId: string, jobId = JOB) => ({ id, job_id: jobId, candidate_id: candidateId });

const ada: PushedSession = { sessionId: 's1', email: 'Ada@Example.com', externalId: 'ats-1' };
const grace: PushedSession = { sessionId: 's2', email: 'grace@example.com', externalId: null };
/** Ada's second test. */
const adaAgain: PushedSession = { sessionId: 's3', email: 'ada@example.com', externalId: null };

describe('auditEndorsed', () => {
	it('passes one candidate, one report and one nomination per session, one candidate for two tests of one person', () => {
		const records: EndorsedRecords = {
			candidates: [
				candidate('c1', 'ada@example.com', 'Ada@Example.com', ['s1', 's3']),
				candidate('c2', 'grace@example.com', 'grace@example.com', ['s2']),
			],
			nominations: [nomination('n1', 'c1'), nomination('n2', 'c2')],
		};

		const audit = auditEndorsed(records, { jobId: JOB, pushed: [ada, grace, adaAgain] });

		expect(audit).toEqual({ sessions: 3, complete: 3, missing: [], duplicated: [], unexpected: [] });
	});

	it('finds a second candidate made from the externalId, with its own nomination', () => {
		const records: EndorsedRecords = {
			candidates: [
				candidate('c1', 'ada@example.com', 'ada@example.com', ['s1']),
				candidate('c9', 'ats-1', 'ADA@example.com', []),
			],
			nominations: [nomination('n1', 'c1'), nomination('n9', 'c9')],
		};

		const audit = auditEndorsed(records, { jobId: JOB, pushed: [ada] });

		expect(audit.complete).toBe(0);
		expect(audit.duplicated).toEqual([
			{ sessionId: 's1', problem: '2 candidates for one person (ada@example.com, ats-1)' },
			{ sessionId: 's1', problem: '2 nominations to the job' },
		]);
	});

	it('finds what is missing, and nominations to another job do not count', () => {
		const records: EndorsedRecords = {
			candidates: [candidate('c2', 'grace@example.com', 'grace@example.com', [])],
			nominations: [nomination('n2', 'c2', 'other-job')],
		};

		const audit = auditEndorsed(records, { jobId: JOB, pushed: [ada, grace] });

		expect(audit.complete).toBe(0);
		expect(audit.missing).toEqual([
			{ sessionId: 's1', problem: 'no candidate' },
			{ sessionId: 's1', problem: 'no report' },
			{ sessionId: 's1', problem: 'no nomination to the job' },
			{ sessionId: 's2', problem: 'no report' },
			{ sessionId: 's2', problem: 'no nomination to the job' },
		]);
		expect(audit.unexpected).toEqual([{ problem: 'nomination n2 (job other-job), of no session pushed' }]);
	});

	it('flags a report on someone else, reports of sessions never pushed and strangers', () => {
		const records: EndorsedRecords = {
			candidates: [
				candidate('c1', 'ada@example.com', 'ada@example.com', ['s2', 's7']),
				candidate('c2', 'grace@example.com', 'grace@example.com', []),
				candidate('c3', 'eve@example.com', 'eve@example.com', ['s8']),
			],
			nominations: [nomination('n1', 'c1'), nomination('n2', 'c2')],
		};

		const audit = auditEndorsed(records, { jobId: JOB, pushed: [ada, grace], notPushed: ['s7'] });

		expect(audit.complete).toBe(0);
		expect(audit.missing).toEqual([{ sessionId: 's1', problem: 'no report' }]);
		expect(audit.unexpected).toEqual([
			{ sessionId: 's2', problem: 'its report is on a candidate who is not this person' },
			{ sessionId: 's7', problem: 'a report of a session that was never pushed' },
			{ problem: 'candidate eve@example.com, who took none of the sessions pushed' },
			{ problem: 'attachment codesignal-session-s8, of no session pushed' },
		]);
	});
});
