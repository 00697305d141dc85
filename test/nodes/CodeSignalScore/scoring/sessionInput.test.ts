import { noSessionReason, sessionToScore } from '../../../../nodes/CodeSignalScore/scoring/sessionInput';
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
		expect(noSessionReason({ session: null, sessionError: 'CodeSignal has no test session "x"' })).toBe(
			'the CodeSignal Trigger could not read its session (CodeSignal has no test session "x")',
		);
		expect(noSessionReason({ event: 'companyTestSessionFinished', payload: {} })).toBe(
			'it is a CodeSignal Trigger item without a session (turn on "Fetch Full Session From the API" in the trigger)',
		);
		expect(noSessionReason({ name: 'Jane' })).toBe('it has no "id" and "status" fields, nor a "session" field that has them');
	});
});
