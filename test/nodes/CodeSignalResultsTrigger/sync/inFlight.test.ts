import {
	DEFAULT_IN_FLIGHT_POLICY,
	handedOver,
	reconcile,
	type ExecutionEnd,
	type InFlightSession,
} from '../../../../nodes/CodeSignalResultsTrigger/sync/inFlight';

const NOW = 1_800_000_000_000;
const session = (id: string, overrides: Partial<InFlightSession> = {}): InFlightSession => ({
	id,
	testId: 't1',
	emittedAt: NOW - 1000,
	run: 'this-run',
	attempts: 1,
	...overrides,
});
const ended = (entries: Array<[string, ExecutionEnd]>) => new Map(entries);

describe('sessions in flight', () => {
	it('lets go of sessions whose execution ended well, keeps those still running', () => {
		const outcome = reconcile([session('a'), session('b')], ended([['a', 'done']]), 'this-run', NOW);
		expect(outcome).toEqual({ keep: [session('b')], retry: [], givenUp: [] });
	});

	it('hands over again what a process that is gone handed over, and what failed', () => {
		const outcome = reconcile(
			[session('a', { run: 'an-earlier-run' }), session('b'), session('c')],
			ended([['b', 'failed']]),
			'this-run',
			NOW,
		);
		expect(outcome.retry.map((s) => s.id)).toEqual(['a', 'b']);
		expect(outcome.keep.map((s) => s.id)).toEqual(['c']);
	});

	it('takes an execution not reported within the lease for lost', () => {
		const old = session('a', { emittedAt: NOW - DEFAULT_IN_FLIGHT_POLICY.leaseMs });
		expect(reconcile([old], ended([]), 'this-run', NOW).retry).toEqual([old]);
	});

	it('gives up after the attempts allowed, and counts each hand-over', () => {
		const tired = session('a', { attempts: DEFAULT_IN_FLIGHT_POLICY.maxAttempts });
		expect(reconcile([tired], ended([['a', 'failed']]), 'this-run', NOW).givenUp).toEqual([tired]);
		expect(handedOver([{ id: 'a', testId: 't1' }, { id: 'b', testId: 't1' }], 'this-run', NOW, [session('a', { attempts: 2 })])).toEqual([
			{ id: 'a', testId: 't1', emittedAt: NOW, run: 'this-run', attempts: 3 },
			{ id: 'b', testId: 't1', emittedAt: NOW, run: 'this-run', attempts: 1 },
		]);
	});
});
