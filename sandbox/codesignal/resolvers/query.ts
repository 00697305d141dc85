/** Root Query fields the sandbox serves (the others answer "not implemented"). */
import { SandboxError } from '../errors';
import type { AtsIdType, TestRecord } from '../model';
import { compareForListing } from '../store';
import { checkOwnCompany } from '../validation';
import {
	containsIgnoringCase,
	page,
	pageWithCount,
	plainPage,
	type PageArgs,
	type ResolverContext,
	type TypeResolvers,
} from './common';

interface CompanyTestsArgs extends PageArgs {
	ids?: string[] | null;
	titleSearchText?: string | null;
	labels?: string[] | null;
	sortBy?: 'title' | 'createDate' | null;
	sortDirection?: 'asc' | 'desc' | null;
}

/** Newest first by default; titles A to Z when sorting by title. */
function sortTests(
	tests: TestRecord[],
	sortBy: CompanyTestsArgs['sortBy'],
	direction: CompanyTestsArgs['sortDirection'],
) {
	const byTitle = sortBy === 'title';
	const ascending = (direction ?? (byTitle ? 'asc' : 'desc')) === 'asc';
	const compare = byTitle
		? (a: TestRecord, b: TestRecord) => a.title.localeCompare(b.title)
		: (a: TestRecord, b: TestRecord) => a.createDate - b.createDate;
	return tests.sort((a, b) => (ascending ? compare(a, b) : compare(b, a)));
}

export const Query: TypeResolvers<unknown> = {
	company: (_root, args: { id?: string | null }, { store }) => {
		if (args.id && args.id !== store.company.id) throw new SandboxError('Access Denied');
		return store.company;
	},

	companyTest: (_root, args: { id: string }, { store }) => store.getTest(args.id) ?? null,

	companyTests: (_root, args: CompanyTestsArgs, { store, defaultPageSize }) => {
		const ids = args.ids ? new Set(args.ids) : null;
		const matching = store
			.tests()
			.filter(
				(test) =>
					(!ids || ids.has(test.id)) &&
					containsIgnoringCase(test.title, args.titleSearchText) &&
					(!args.labels?.length || args.labels.some((label) => test.labels.includes(label))),
			);
		return pageWithCount(
			'tests',
			sortTests(matching, args.sortBy, args.sortDirection),
			args,
			defaultPageSize,
		);
	},

	companyTestSession: (_root, args: { id: string }, { store }) => store.getSession(args.id) ?? null,

	standardizedTestSession: (_root, args: { id: string }, { store }) =>
		store.standardized.get(args.id) ?? null,

	companyTestSessions: (
		_root,
		args: PageArgs & { companyTestId: string; ids?: string[] | null },
		context: ResolverContext,
	) => {
		const { store } = context;
		const testId = store.requireTest(args.companyTestId).id;
		// Asked by id, a session is found even before it is listed.
		if (args.ids) {
			const ids = new Set(args.ids);
			return page(store.listSessions(testId).filter((session) => ids.has(session.id)), args, context.defaultPageSize);
		}
		return plainPage(store.listedSessions(testId), args, context);
	},

	atsCompanyTestSessions: (_root, args: { id: string; idType: AtsIdType }, { store }) =>
		[...store.sessionsForAtsId(args.idType, args.id)].sort(compareForListing),

	liveInterview: (_root, args: { liveInterviewId: string }, { store }) =>
		store.getLiveInterview(args.liveInterviewId) ?? null,

	liveInterviews: (
		_root,
		args: PageArgs & { candidateEmail?: string | null },
		context: ResolverContext,
	) => {
		const { store } = context;
		const email = args.candidateEmail?.toLowerCase();
		const interviews = email
			? store
					.liveInterviews()
					.filter((interview) => interview.candidateEmail?.toLowerCase() === email)
			: store.liveInterviews();
		return plainPage(interviews, args, context);
	},

	/** With liveInterviewId: the template as that interview uses it (the interview must exist). */
	interviewTemplate: (
		_root,
		args: { interviewTemplateId: string; liveInterviewId?: string | null },
		{ store },
	) => {
		if (args.liveInterviewId) store.requireLiveInterview(args.liveInterviewId);
		return store.getInterviewTemplate(args.interviewTemplateId) ?? null;
	},

	interviewTemplates: (
		_root,
		args: PageArgs & { companyId?: string | null; globalFilter?: string | null },
		{ store, defaultPageSize },
	) => {
		checkOwnCompany(store.company.id, args.companyId);
		return pageWithCount(
			'interviewTemplates',
			store
				.interviewTemplates()
				.filter((template) => containsIgnoringCase(template.name, args.globalFilter)),
			args,
			defaultPageSize,
		);
	},

	testLabels: (
		_root,
		args: PageArgs & { searchText?: string | null },
		{ store, defaultPageSize },
	) =>
		pageWithCount(
			'labels',
			store.testLabels().filter((label) => containsIgnoringCase(label.title, args.searchText)),
			args,
			defaultPageSize,
		),

	frameworks: (
		_root,
		args: PageArgs & { globalFilter?: string | null; ids?: string[] | null },
		{ store, defaultPageSize },
	) =>
		pageWithCount(
			'frameworks',
			store
				.frameworks()
				.filter(
					(framework) =>
						(!args.ids || args.ids.includes(framework.id)) &&
						containsIgnoringCase(framework.title, args.globalFilter),
				),
			args,
			defaultPageSize,
		),

	certificationTests: (
		_root,
		args: PageArgs & { companyId?: string | null },
		{ store, defaultPageSize },
	) => {
		checkOwnCompany(store.company.id, args.companyId);
		return pageWithCount('tests', store.certificationTests(), args, defaultPageSize);
	},

	standardizedTest: (_root, args: { id: string }, { store }) =>
		store.getCertificationTest(args.id) ?? null,

	taskSets: (_root, args: PageArgs, { store, defaultPageSize }) =>
		pageWithCount('taskSets', store.taskSets(), args, defaultPageSize),

	/** CodeSignal's library tasks whose name or title contains `name`. */
	codesignalCreatedTasks: (_root, args: { name: string }, { store }) =>
		store
			.tasks()
			.filter(
				(task) =>
					task.origin === 'codesignal' &&
					(containsIgnoringCase(task.name, args.name) || containsIgnoringCase(task.title, args.name)),
			),

	companyRoles: (_root, args: { companyId?: string | null }, { store }) =>
		store.roles.available(args.companyId),

	role: (_root, args: { key: string }, { store }) => store.roles.get(args.key) ?? null,

	user: (_root, args: { userId?: string | null; username?: string | null }, { store }) =>
		store
			.users()
			.find((user) => (args.userId ? user.id === args.userId : user.username === args.username)) ??
		null,

	taskLevel: (_root, args: { taskLevelId: string }, { store }) =>
		store.taskLevels.get(args.taskLevelId) ?? null,

	task: (_root, args: { id: string }, { store }) => {
		const task = store.getTask(args.id);
		return task?.__typename === 'SingleEnvironmentTask' ? task : null;
	},

	filesystemTask: (_root, args: { id: string }, { store }) => {
		const task = store.getTask(args.id);
		return task?.__typename === 'FilesystemTask' ? task : null;
	},
};
