import { SandboxStore, type StoreEvent } from '../../../sandbox/codesignal';

const NOW = Date.parse('2026-10-02T08:00:00Z');

describe('SandboxStore helpers', () => {
	let store: SandboxStore;
	let events: StoreEvent[];

	beforeEach(() => {
		store = new SandboxStore({ now: () => NOW });
		events = [];
		store.onEvent((event) => events.push(event));
	});

	it('adds a test with the given title, labels and proctoring', () => {
		const test = store.addTest({
			title: 'Staff Engineer Screen',
			labels: ['staff'],
			proctored: true,
		});
		expect(store.getTest(test.id)).toBe(test);
		expect(store.tests().at(-1)).toBe(test);
		expect(test).toMatchObject({
			title: 'Staff Engineer Screen',
			labels: ['staff'],
			proctored: true,
		});
		expect(store.listSessions(test.id)).toEqual([]);
	});

	it('adds sessions finished at given dates, listed by finish date', () => {
		const test = store.addTest();
		const dates = [
			Date.parse('2026-09-01T00:00:00Z'),
			Date.parse('2026-09-03T00:00:00Z'),
			Date.parse('2026-09-02T00:00:00Z'),
		];
		const added = store.addSessions(test.id, 3, { finishDates: dates });
		expect(added.every((session) => session.status === 'over' && session.result !== null)).toBe(
			true,
		);
		expect(store.listSessions(test.id).map((session) => session.finishDate)).toEqual([
			dates[1],
			dates[2],
			dates[0],
		]);
		expect(() => store.addSessions(test.id, 2, { finishDates: dates })).toThrow(
			'finishDates has 3 dates for 2 sessions',
		);
	});

	it('adds sessions in a given status, with verification statuses when proctored', () => {
		const test = store.addTest();
		expect(
			store.addSessions(test.id, 4, { status: 'pending' }).map((session) => session.status),
		).toEqual(Array(4).fill('pending'));
		const proctored = store.addSessions(test.id, 5, { finishedAt: NOW - 1000, proctored: true });
		expect(proctored.every((session) => session.verificationStatus !== null)).toBe(true);
	});

	it('starts and finishes a session, announcing each step', () => {
		const test = store.addTest();
		const [session] = store.addSessions(test.id, 1, { status: 'pending' });
		store.startSession(session.id, NOW - 3_600_000);
		const finished = store.finishSession(session.id, NOW, { score: 450 });
		expect(finished).toMatchObject({ status: 'over', startDate: NOW - 3_600_000, finishDate: NOW });
		expect(finished.result?.taskScores.reduce((sum, points) => sum + points, 0)).toBe(450);
		expect(store.listSessions(test.id)[0].id).toBe(session.id);
		expect(events).toEqual([
			{ event: 'companyTestSessionStarted', subjectId: session.id, at: NOW - 3_600_000 },
			{ event: 'companyTestSessionFinished', subjectId: session.id, at: NOW },
		]);
		expect(() => store.finishSession(session.id)).toThrow(
			`Cannot finish test session "${session.id}": status is over`,
		);
	});

	it('finishes proctored sessions awaiting verification, then records the verdict', () => {
		const test = store.addTest({ proctored: true });
		const [session] = store.addSessions(test.id, 1, { status: 'active' });
		store.finishSession(session.id);
		expect(session.verificationStatus).toBe('pending');
		store.setVerificationStatus(session.id, 'notVerified');
		expect(session.verificationRejectionReasons?.length).toBeGreaterThan(0);
		expect(events.map((event) => event.event)).toEqual([
			'preScreenResultVerificationPending',
			'preScreenResultNotVerified',
		]);
	});

	it('sets an external id and reports unknown sessions', () => {
		const session = store.listSessions(store.tests()[0].id)[0];
		expect(store.setExternalId(session.id, 'ats-77').externalId).toBe('ats-77');
		expect(() => store.setExternalId('missing', 'x')).toThrow('Test session "missing" not found');
	});
});
