import { parseOrganizationId } from '../../../../nodes/shared/codesignal/organizationId';

describe('parseOrganizationId', () => {
	it('accepts a whole number, with spaces trimmed, and empty as "not checked"', () => {
		expect(parseOrganizationId(' 12345 ')).toEqual({ ok: true, organizationId: '12345' });
		expect(parseOrganizationId(42)).toEqual({ ok: true, organizationId: '42' });
		expect(parseOrganizationId('')).toEqual({ ok: true });
		expect(parseOrganizationId(undefined)).toEqual({ ok: true });
	});

	it('names what was expected and what it got', () => {
		for (const bad of ['12a', '-5', '1.5', 'org-1']) {
			expect(parseOrganizationId(bad)).toEqual({
				ok: false,
				message: `Endorsed Organization ID must be a whole number such as 12345 (got "${bad}")`,
			});
		}
	});
});
