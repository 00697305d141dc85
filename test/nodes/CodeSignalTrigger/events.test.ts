import { readFileSync } from 'fs';
import { join } from 'path';

import {
	ALL_EVENTS,
	CODESIGNAL_EVENTS,
	codeSignalEvent,
	isEventSelected,
	RESULT_READY,
} from '../../../nodes/CodeSignalTrigger/events';

const samples = JSON.parse(
	readFileSync(join(__dirname, '../../fixtures/codesignal-webhook-samples.json'), 'utf8'),
) as Record<string, unknown>;

describe('CodeSignal event catalogue', () => {
	it('lists the 14 current and the 6 legacy events, each once, as named in CodeSignal\'s samples', () => {
		const names = CODESIGNAL_EVENTS.map((event) => event.name);
		expect(new Set(names).size).toBe(20);
		expect([...names].sort()).toEqual(Object.keys(samples).sort());
		expect(CODESIGNAL_EVENTS.filter((event) => event.legacy).map((event) => event.name).sort()).toEqual(
			Object.keys(samples).filter((name) => name.startsWith('certification')).sort(),
		);
	});

	it('looks events up by name', () => {
		expect(codeSignalEvent('preScreenResultVerified')).toMatchObject({ subject: 'testSession', legacy: false });
		expect(codeSignalEvent('somethingNew')).toBeUndefined();
	});
});

describe('isEventSelected', () => {
	it('selects the events named', () => {
		expect(isEventSelected('assessmentCreated', ['assessmentCreated'])).toBe(true);
		expect(isEventSelected('assessmentUpdated', ['assessmentCreated'])).toBe(false);
	});

	it('reads "Result ready" as a finished non-proctored session or a verified proctored one', () => {
		const ready = CODESIGNAL_EVENTS.map((event) => event.name).filter((name) => isEventSelected(name, [RESULT_READY]));
		expect(ready.sort()).toEqual(['companyTestSessionFinished', 'preScreenResultVerified']);
	});

	it('reads "All" as every event, legacy and unknown ones included', () => {
		for (const event of CODESIGNAL_EVENTS) expect(isEventSelected(event.name, [ALL_EVENTS])).toBe(true);
		expect(isEventSelected('somethingNew', [ALL_EVENTS])).toBe(true);
	});

	it('selects nothing with an empty selection', () => {
		expect(isEventSelected('companyTestSessionFinished', [])).toBe(false);
	});
});
