import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { CodeSignal } from '../../../nodes/CodeSignal/CodeSignal.node';
import type { CodeSignalSandbox } from '../../../sandbox/codesignal';
import { byId, pickListContext, runError, runJson, runNode, startSandbox } from './harness';

let sandbox: CodeSignalSandbox;

beforeEach(async () => {
	sandbox = await startSandbox();
});
afterEach(async () => await sandbox.close());

const role = (operation: string, parameters: Record<string, unknown> = {}) => ({ resource: 'role', operation, ...parameters });

describe('Role', () => {
	it('creates a company role, which Get Many then lists and Get reads', async () => {
		const [created] = await runJson(
			sandbox,
			role('create', { title: 'Senior Recruiter', permissions: ['company_test_read', 'company_test_session_create'] }),
		);
		expect(created).toEqual({
			key: 'senior-recruiter',
			title: 'Senior Recruiter',
			permissions: ['company_test_read', 'company_test_session_create'],
			systemRole: false,
			companyId: sandbox.store.company.id,
			hasAssignees: false,
		});
		const all = await runJson(sandbox, role('getAll', { returnAll: true }));
		expect(all.map((item) => item.key)).toEqual([...sandbox.store.roles.available(null).map((record) => record.key)]);
		expect(all.at(-1)).toEqual(created);
		const companyOnly = await runJson(sandbox, role('getAll', { returnAll: true, filters: { kind: 'company' } }));
		expect(companyOnly).toEqual([created]);
		const systemOnly = await runJson(sandbox, role('getAll', { returnAll: false, limit: 2, filters: { kind: 'system' } }));
		expect(systemOnly.map((item) => item.title)).toEqual(['Recruiter', 'Interviewer']);
		expect(await runJson(sandbox, role('get', { role: byId('senior-recruiter') }))).toEqual([created]);
	});

	it('updates only the fields given: the title keeps the permissions, the permissions keep the title', async () => {
		await runJson(sandbox, role('create', { title: 'Sourcer', permissions: ['company_test_read'] }));
		const [renamed] = await runJson(sandbox, role('update', { role: byId('sourcer'), updateFields: { title: 'Lead Sourcer' } }));
		expect(renamed).toMatchObject({ title: 'Lead Sourcer', permissions: ['company_test_read'] });
		sandbox.resetStats();
		const [regranted] = await runJson(
			sandbox,
			role('update', { role: byId('sourcer'), updateFields: { permissions: ['interview_read', 'interview_create'] } }),
		);
		expect(regranted).toMatchObject({ title: 'Lead Sourcer', permissions: ['interview_read', 'interview_create'] });
		expect(sandbox.stats().operations).toEqual({ role: 1, editCompanyRole: 1 });
		sandbox.resetStats();
		await runJson(sandbox, role('update', { role: byId('sourcer'), updateFields: { title: 'Sourcer', permissions: [] } }));
		expect(sandbox.stats().operations).toEqual({ editCompanyRole: 1 });
		expect(sandbox.store.roles.get('sourcer')).toMatchObject({ title: 'Sourcer', permissions: [] });
	});

	it('deletes a company role by its key; it is then gone', async () => {
		await runJson(sandbox, role('create', { title: 'Temporary', permissions: [] }));
		expect(await runJson(sandbox, role('delete', { role: byId('temporary') }))).toEqual([{ key: 'temporary', deleted: true }]);
		expect(sandbox.store.roles.get('temporary')).toBeUndefined();
		expect((await runError(sandbox, role('get', { role: byId('temporary') }))).message).toBe('Role "temporary" not found');
	});

	it("reports CodeSignal's refusal to delete a system role", async () => {
		const error = await runError(sandbox, role('delete', { role: byId('recruiter') }));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe(
			'CodeSignal could not delete the role: Cannot delete role "recruiter": it is a system role; only company roles can change',
		);
	});

	it('offers the roles by title in a searchable list, and the permissions from the schema', async () => {
		const { listSearch, loadOptions } = new CodeSignal().methods;
		const { results } = await listSearch.searchRoles.call(pickListContext(sandbox), 'manager');
		expect(results).toEqual([{ name: 'Hiring Manager', value: 'hiring-manager' }]);
		const permissions = await loadOptions.getPermissions.call(pickListContext(sandbox));
		expect(permissions).toContainEqual({ name: 'role_list_write', value: 'role_list_write' });
		expect(permissions.map((option) => option.name)).toEqual([...permissions.map((option) => option.name)].sort());
	});
});

describe('User → Get', () => {
	const member = () => sandbox.store.users().find((user) => user.role.key === 'company-admin')!;
	const expected = () => ({
		id: member().id,
		name: member().profile.name,
		email: member().profile.email,
		username: member().username,
		country: 'US',
		avatarUrl: null,
		role: expect.objectContaining({ key: 'company-admin', title: 'Company Admin', systemRole: true }),
	});

	it('reads a member by ID or by username, with their role', async () => {
		expect(await runJson(sandbox, { resource: 'user', operation: 'get', user: byId(member().id) })).toEqual([expected()]);
		const byUsername = { __rl: true, mode: 'username', value: member().username };
		expect(await runJson(sandbox, { resource: 'user', operation: 'get', user: byUsername })).toEqual([expected()]);
	});

	it('lists the members by name and e-mail to pick from', async () => {
		const { results } = await new CodeSignal().methods.listSearch.searchUsers.call(pickListContext(sandbox), 'ortega');
		expect(results).toEqual([{ name: `${member().profile.name} (${member().profile.email})`, value: member().id }]);
	});

	it('says when no user has the ID', async () => {
		expect((await runError(sandbox, { resource: 'user', operation: 'get', user: byId('Unknown1234567890') })).message).toBe(
			'User "Unknown1234567890" not found',
		);
	});
});

describe('Role and User: bad input names the field, and nothing is sent', () => {
	it.each([
		['a missing role key', role('get', { role: byId(' ') }), 'Role is required'],
		['a missing role to delete', role('delete', { role: byId('') }), 'Role is required'],
		['a missing title', role('create', { title: '', permissions: [] }), 'Title is required'],
		['permissions that are not a list', role('create', { title: 'X', permissions: 42 }), 'Permissions must be a list, or text with commas between the entries'],
		[
			'a malformed company ID',
			role('create', { title: 'X', permissions: [], additionalFields: { companyId: 'a b' } }),
			'Company ID must be a CodeSignal ID (letters and digits only), got "a b"',
		],
		['an update without fields', role('update', { role: byId('recruiter'), updateFields: {} }), 'Update Fields is empty: add at least one field to change'],
		['an unknown kind of role', role('getAll', { returnAll: true, filters: { kind: 'admin' } }), 'Kind must be one of all, company, system, got "admin"'],
		['a missing user', { resource: 'user', operation: 'get', user: byId('') }, 'User is required'],
		['a missing username', { resource: 'user', operation: 'get', user: { __rl: true, mode: 'username', value: '' } }, 'User is required'],
	])('%s', async (_case, parameters, message) => {
		sandbox.resetStats();
		const error = await runError(sandbox, parameters);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe(message);
		expect(sandbox.stats().requests).toBe(0);
	});

	it('pairs every listed role with its input item', async () => {
		const output = await runNode(sandbox, role('getAll', { returnAll: false, limit: 2 }), {
			items: [{ json: {} }, { json: {} }],
		});
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }, { item: 1 }, { item: 1 }]);
	});
});
