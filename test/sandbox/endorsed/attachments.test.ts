import { candidateBody, connect, issueMessages, reportUpload, useSandbox, type Api } from './helpers';

describe('attachments', () => {
	const sandbox = useSandbox();
	let api: Api;
	let candidateId: string;
	beforeEach(async () => {
		api = await connect(sandbox());
		candidateId = await api.create('/candidates', candidateBody('ada@example.com'));
	});

	const report = 'CodeSignal assessment report\nMET: Scored at least 70% on the CodeSignal Backend assessment\n';

	test('a multipart upload of a text file is stored with its text; the API never returns the text', async () => {
		const fields = { candidate_id: candidateId, remote_id: 'session-1', type: 'about' };
		const form = reportUpload(fields, report, 'codesignal-session-1.txt');
		const created = await api.post('/attachments', form);
		const id = created.body.result.id;
		const read = await api.get('/attachments/remote.session-1');

		expect(created.status).toBe(201);
		expect(read.body.result).toEqual({
			id,
			remote_id: 'session-1',
			candidate_id: candidateId,
			type: 'about',
			file_name: 'codesignal-session-1.txt',
			content_type: 'text/plain',
			size_bytes: Buffer.byteLength(report),
			public_file_url: null,
			created_at: expect.any(String),
			updated_at: expect.any(String),
		});
		expect(sandbox().store.attachments.get(id)?.text).toBe(report);
	});

	test('JSON with a data: URL is decoded; any other URL is only stored', async () => {
		const dataUrl = `data:text/markdown;base64,${Buffer.from(report).toString('base64')}`;
		const fromData = await api.create('/attachments', {
			candidate_id: candidateId,
			remote_id: 'a1',
			type: 'resume',
			public_file_url: dataUrl,
		});
		const fromUrl = await api.create('/attachments', {
			candidate_id: candidateId,
			remote_id: 'a2',
			type: 'resume',
			public_file_url: 'https://files.example.com/cv/ada.pdf',
		});

		expect(sandbox().store.attachments.get(fromData)).toEqual(
			expect.objectContaining({ text: report, content_type: 'text/markdown' }),
		);
		expect(sandbox().store.attachments.get(fromUrl)).toEqual(
			expect.objectContaining({
				text: '',
				file_name: 'ada.pdf',
				public_file_url: 'https://files.example.com/cv/ada.pdf',
			}),
		);
	});

	test('remote_id, type and content are required; type is one of the four kinds', async () => {
		const missing = await api.post('/attachments', { candidate_id: candidateId });
		const noContent = await api.post('/attachments', { candidate_id: candidateId, remote_id: 'a1', type: 'about' });
		const badType = await api.post(
			'/attachments',
			reportUpload({ candidate_id: candidateId, remote_id: 'a1', type: 'assessment' }, report),
		);

		expect(missing.status).toBe(400);
		expect(issueMessages(missing)).toEqual(['remote_id is required', 'type is required']);
		expect(issueMessages(noContent)).toEqual(['file or public_file_url is required']);
		expect(issueMessages(badType)).toEqual(['type must be one of about, resume, role_preferences, work_experiences']);
	});

	test('an unknown candidate_id answers 404', async () => {
		const response = await api.post(
			'/attachments',
			reportUpload({ candidate_id: '00000000-0000-4000-8000-000000000000', remote_id: 'a1', type: 'about' }, report),
		);

		expect(response.status).toBe(404);
		expect(response.body.error.code).toBe('NOT_FOUND');
	});

	test('PUT upserts by remote id, replaces the file, and keeps it when only metadata changes', async () => {
		const path = '/attachments/remote.session-1';
		const inserted = await api.put(path, reportUpload({ candidate_id: candidateId, type: 'about' }, report));
		const replaced = await api.put(path, reportUpload({ candidate_id: candidateId, type: 'about' }, 'Re-run\n'));
		const retyped = await api.put(path, { candidate_id: candidateId, type: 'work_experiences' });
		const attachment = sandbox().store.attachments.get('remote.session-1');

		expect([inserted.status, replaced.status, retyped.status]).toEqual([201, 200, 200]);
		expect(sandbox().store.attachments.size).toBe(1);
		expect(attachment).toEqual(
			expect.objectContaining({ type: 'work_experiences', text: 'Re-run\n', file_name: 'report.txt' }),
		);
	});

	test('DELETE removes the attachment', async () => {
		const upload = reportUpload({ candidate_id: candidateId, remote_id: 'a1', type: 'about' }, report);
		const id = await api.create('/attachments', upload);
		const deleted = await api.delete('/attachments/remote.a1');

		expect(deleted.body).toEqual({ is_error: false, result: { id } });
		expect((await api.get(`/attachments/${id}`)).status).toBe(404);
	});
});
