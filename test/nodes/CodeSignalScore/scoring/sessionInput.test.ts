import { flaggedWithoutSession, noSessionReason, sessionToScore } from '../../../../nodes/CodeSignalScore/scoring/sessionInput';
import { session } from './sessionFixtures';

describe('sessionToScore', () => {
	it('takes the session a trigger item carries, else the item itself', () => {
		const full = session();
		expect(sessionToScore({ event: 'companyTestSessionFinished', session: full })).toBe(full);
		const item = { ...full, session: { note: 'not a session' } } as unknown as Record<string, unknown>;
		expect(sessionToScore(item)).toBe(item);
	});

	it('finds nothing in items without a string id and status', () => {
		expect(sessionToScore({ id: 1, status: 'over' })).toBeNull();
		expect(sessionToScore({ event: 'companyTestSessionFinished', session: null })).toBeNull();
	});
});

describe('noSessionReason', () => {
	it('points at the fix', () => {
		expect(noSessionReason({ event: 'companyTestSessionFinished', payload: {} })).toBe(
			'it is a CodeSignal Trigger item without a session (turn on "Read Session From the API" in the trigger; "Fetch Full Session From the API" in its versions 1 and 2)',
		);
		expect(noSessionReason({ name: 'Jane' })).toBe('it has no "id" and "status" fields, nor a "session" field that has them');
	});
});

describe('flaggedWithoutSession', () => {
	it('passes on a trigger item whose API read found no session, with the trigger\'s reason', () => {
		const apiCheck = { matchesEvent: false, problem: 'CodeSignal has no test session "x"' };
		expect(flaggedWithoutSession({ event: 'companyTestSessionFinished', session: null, apiCheck })).toBe(
			'CodeSignal has no test session "x"',
		);
		expect(flaggedWithoutSession({ session: session(), apiCheck })).toBeNull();
		expect(flaggedWithoutSession({ session: null, apiCheck: { matchesEvent: true, problem: null } })).toBeNull();
	});
});
