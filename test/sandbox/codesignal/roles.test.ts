import { startCodeSignalSandbox, type CodeSignalSandbox } from '../../../sandbox/codesignal';
import { data, firstError, graphql } from './helpers';

const ROLE = 'key title permissions companyId hasAssignees';
const LIST = `query ($companyId: ID) { companyRoles(companyId: $companyId) { ${ROLE} } }`;
const GET = `query ($key: ID!) { role(key: $key) { ${ROLE} } }`;
const CREATE = `mutation ($title: String!, $permissions: [String!]!, $companyId: ID) {
	createCompanyRole(title: $title, permissions: $permissions, companyId: $companyId) { ${ROLE} }
}`;
const EDIT = `mutation ($key: ID!, $title: String!, $permissions: [String!]!) {
	editCompanyRole(key: $key, title: $title, permissions: $permissions) { ${ROLE} }
}`;
const DELETE = 'mutation ($key: ID!) { deleteRole(key: $key) }';

describe('CodeSignal sandbox: roles', () => {
	let sandbox: CodeSignalSandbox;

	beforeEach(async () => {
		sandbox = await startCodeSignalSandbox({ rateLimit: { perSecond: 1000 } });
	});
	afterEach(async () => await sandbox.close());

	it("lists CodeSignal's system roles the members hold, each once, assigned and without a company", async () => {
		const { companyRoles } = await data(sandbox, LIST);
		expect(companyRoles.map((role: { title: string }) => role.title)).toEqual([
			'Recruiter',
			'Interviewer',
			'Hiring Manager',
			'Company Admin',
		]);
		for (const role of companyRoles) {
			expect(role).toMatchObject({ companyId: null, hasAssignees: true });
			expect(role.permissions.length).toBeGreaterThan(0);
		}
		const interviewers = sandbox.store.users().filter((user) => user.role.key === 'interviewer');
		expect(interviewers).toHaveLength(2);
		expect(interviewers[0].role).toBe(interviewers[1].role);
	});

	it('creates a company role that is then listed and read, with a human-readable key', async () => {
		const permissions = ['company_test_read', 'company_test_session_create'];
		const { createCompanyRole: created } = await data(sandbox, CREATE, { title: 'Senior Recruiter', permissions });
		expect(created).toEqual({
			key: 'senior-recruiter',
			title: 'Senior Recruiter',
			permissions,
			companyId: sandbox.store.company.id,
			hasAssignees: false,
		});
		const { companyRoles } = await data(sandbox, LIST, { companyId: sandbox.store.company.id });
		expect(companyRoles.at(-1)).toEqual(created);
		expect((await data(sandbox, GET, { key: 'senior-recruiter' })).role).toEqual(created);
	});

	it('edits the title and replaces the permissions of a company role', async () => {
		await data(sandbox, CREATE, { title: 'Sourcer', permissions: ['company_test_read'] });
		const { editCompanyRole: edited } = await data(sandbox, EDIT, {
			key: 'sourcer',
			title: 'Lead Sourcer',
			permissions: ['interview_read'],
		});
		expect(edited).toMatchObject({ key: 'sourcer', title: 'Lead Sourcer', permissions: ['interview_read'] });
		expect((await data(sandbox, GET, { key: 'sourcer' })).role).toEqual(edited);
	});

	it('deletes a company role, which is then gone', async () => {
		await data(sandbox, CREATE, { title: 'Temporary', permissions: [] });
		expect((await data(sandbox, DELETE, { key: 'temporary' })).deleteRole).toBe('temporary');
		expect((await data(sandbox, GET, { key: 'temporary' })).role).toBeNull();
		const { companyRoles } = await data(sandbox, LIST);
		expect(companyRoles.map((role: { key: string }) => role.key)).not.toContain('temporary');
		expect(firstError(await graphql(sandbox, DELETE, { key: 'temporary' }))).toBe('Role "temporary" not found');
	});

	it('refuses to change system roles, duplicate titles, unknown permissions and other companies', async () => {
		expect(firstError(await graphql(sandbox, DELETE, { key: 'recruiter' }))).toBe(
			'Cannot delete role "recruiter": it is a system role; only company roles can change',
		);
		expect(
			firstError(await graphql(sandbox, EDIT, { key: 'recruiter', title: 'Recruiter', permissions: [] })),
		).toBe('Cannot edit role "recruiter": it is a system role; only company roles can change');
		expect(firstError(await graphql(sandbox, CREATE, { title: 'recruiter', permissions: [] }))).toBe(
			'A role titled "Recruiter" already exists (key "recruiter")',
		);
		expect(firstError(await graphql(sandbox, CREATE, { title: 'Auditor', permissions: ['read_everything'] }))).toBe(
			'Unknown permission "read_everything"',
		);
		expect(firstError(await graphql(sandbox, CREATE, { title: ' ', permissions: [] }))).toBe('A role needs a title');
		expect(
			firstError(await graphql(sandbox, CREATE, { title: 'Auditor', permissions: [], companyId: 'OtherCompany1234' })),
		).toBe('Access Denied');
		expect(firstError(await graphql(sandbox, LIST, { companyId: 'OtherCompany1234' }))).toBe('Access Denied');
	});

	it('refuses to delete a company role that members hold', async () => {
		await data(sandbox, CREATE, { title: 'Panelist', permissions: ['interview_read'] });
		const member = sandbox.store.users()[0];
		member.role = sandbox.store.roles.get('panelist')!;
		expect(firstError(await graphql(sandbox, DELETE, { key: 'panelist' }))).toBe(
			'Cannot delete role "panelist": it is assigned to 1 member',
		);
		expect((await data(sandbox, GET, { key: 'panelist' })).role.hasAssignees).toBe(true);
	});

	it("gives each user's role through companyFields", async () => {
		const member = sandbox.store.users().find((user) => user.role.key === 'company-admin')!;
		const { user } = await data(
			sandbox,
			'query ($id: ID) { user(userId: $id) { username companyFields { role { key title } } } }',
			{ id: member.id },
		);
		expect(user).toEqual({ username: member.username, companyFields: { role: { key: 'company-admin', title: 'Company Admin' } } });
	});
});
