/** Root Mutation fields: thin adapters over the session, interview, test and task actions. */
import {
	createLiveInterview,
	deleteLiveInterview,
	editLiveInterview,
	type LiveInterviewFields,
} from '../interviewActions';
import {
	createInterviewTemplate,
	deleteInterviewTemplate,
	editInterviewTemplate,
	type InterviewTemplateFields,
	type NewInterviewTemplateFields,
} from '../interviewTemplateActions';
import {
	appendVerificationNote,
	archiveSession,
	createSession,
	deleteSession,
	editSessionDuration,
	editSessionExpiration,
	gradeResult,
	markResultGraded,
	reactivateSession,
	resendSession,
	setSessionReminders,
	unarchiveSession,
	type ReminderInput,
	type SessionFields,
} from '../sessionActions';
import {
	addTaskToSets,
	createTask,
	editTask,
	removeTaskFromSets,
	setTaskInitialSource,
	unsetTaskInitialSource,
	type TaskFields,
	type TaskKind,
	type TaskSetsFields,
} from '../taskActions';
import {
	createTest,
	createTestFromFramework,
	duplicateTest,
	editTest,
	type TestFields,
} from '../testActions';
import type { Resolver, TypeResolvers } from './common';

interface IdArgs {
	id: string;
}

type TaskCreateArgs = { taskFields: TaskFields; options?: { companyId?: string | null } | null };

const createTaskOf =
	(kind: Exclude<TaskKind, 'frontend'>): Resolver<unknown> =>
	(_root, args: TaskCreateArgs, { store }) =>
		createTask(store, kind, args.taskFields, args.options);

const editTaskOf =
	(kind: TaskKind): Resolver<unknown> =>
	(_root, args: IdArgs & { taskFields: TaskFields }, { store }) =>
		editTask(store, kind, args.id, args.taskFields);

interface RoleArgs {
	title: string;
	permissions: string[];
}

export const Mutation: TypeResolvers<unknown> = {
	createCompanyTestSession: (_root, args: { sessionFields: SessionFields }, { store }) =>
		createSession(store, args.sessionFields),
	resendCompanyTestSession: (_root, args: IdArgs, { store }) => resendSession(store, args.id),
	deleteCompanyTestSession: (_root, args: IdArgs, { store }) => deleteSession(store, args.id),
	archiveCompanyTestSession: (_root, args: IdArgs, { store }) => archiveSession(store, args.id),
	unarchiveCompanyTestSession: (_root, args: IdArgs, { store }) => unarchiveSession(store, args.id),
	appendCompanyTestSessionVerificationNote: (_root, args: IdArgs & { note: string }, { store }) =>
		appendVerificationNote(store, args.id, args.note),
	reactivateCompanyTestSession: (_root, args: IdArgs, { store }) =>
		reactivateSession(store, args.id),
	editCompanyTestSessionExpiration: (
		_root,
		args: IdArgs & { expirationDate: unknown },
		{ store },
	) => editSessionExpiration(store, args.id, args.expirationDate),
	editCompanyTestSessionDuration: (_root, args: IdArgs & { customDuration: number }, { store }) =>
		editSessionDuration(store, args.id, args.customDuration),
	setCompanyTestSessionReminders: (
		_root,
		args: IdArgs & { reminders: ReminderInput[] },
		{ store },
	) => setSessionReminders(store, args.id, args.reminders),
	gradeCompanyTestResult: (_root, args: IdArgs & { taskId: string; score: number }, { store }) =>
		gradeResult(store, args.id, args.taskId, args.score),
	markCompanyTestResultAsGraded: (_root, args: IdArgs, { store }) =>
		markResultGraded(store, args.id),
	createLiveInterview: (_root, args: { interviewFields?: LiveInterviewFields | null }, { store }) =>
		createLiveInterview(store, args.interviewFields),
	editLiveInterview: (_root, args: IdArgs & { interviewFields: LiveInterviewFields }, { store }) =>
		editLiveInterview(store, args.id, args.interviewFields),
	deleteLiveInterview: (_root, args: IdArgs, { store }) => deleteLiveInterview(store, args.id),
	createCompanyTest: (_root, args: { testFields: TestFields }, { store }) =>
		createTest(store, args.testFields),
	createCompanyTestFromFramework: (_root, args: { testFields: TestFields }, { store }) =>
		createTestFromFramework(store, args.testFields),
	editCompanyTest: (_root, args: IdArgs & { testFields: TestFields }, { store }) =>
		editTest(store, args.id, args.testFields),
	duplicateCompanyTest: (_root, args: IdArgs & { testFields: TestFields }, { store }) =>
		duplicateTest(store, args.id, args.testFields),
	createStandardTask: createTaskOf('standard'),
	editStandardTask: editTaskOf('standard'),
	createFreeCodingTask: createTaskOf('freeCoding'),
	editFreeCodingTask: editTaskOf('freeCoding'),
	createQuizTask: createTaskOf('quiz'),
	editQuizTask: editTaskOf('quiz'),
	createCodeReviewTask: createTaskOf('codeReview'),
	editCodeReviewTask: editTaskOf('codeReview'),
	createDatabaseTask: createTaskOf('database'),
	editDatabaseTask: editTaskOf('database'),
	createFreeFilesystemTask: createTaskOf('freeFilesystem'),
	editFreeFilesystemTask: editTaskOf('freeFilesystem'),
	updateFrontendTask: (_root, args: IdArgs & { patch: TaskFields }, { store }) =>
		editTask(store, 'frontend', args.id, args.patch),
	addTaskToSets: (_root, args: { editTaskSetsInput: TaskSetsFields }, { store }) =>
		addTaskToSets(store, args.editTaskSetsInput),
	removeTaskFromSets: (_root, args: { editTaskSetsInput: TaskSetsFields }, { store }) =>
		removeTaskFromSets(store, args.editTaskSetsInput),
	setTaskInitialSource: (_root, args: IdArgs & { language: string; source: string }, { store }) =>
		setTaskInitialSource(store, args.id, args.language, args.source),
	unsetTaskInitialSource: (_root, args: IdArgs & { language: string }, { store }) =>
		unsetTaskInitialSource(store, args.id, args.language),
	createInterviewTemplate: (
		_root,
		args: { interviewTemplateFields: NewInterviewTemplateFields },
		{ store },
	) => createInterviewTemplate(store, args.interviewTemplateFields),
	editInterviewTemplate: (
		_root,
		args: { interviewTemplateId: string; interviewTemplateFields: InterviewTemplateFields },
		{ store },
	) => editInterviewTemplate(store, args.interviewTemplateId, args.interviewTemplateFields),
	deleteInterviewTemplate: (_root, args: { interviewTemplateId: string }, { store }) =>
		deleteInterviewTemplate(store, args.interviewTemplateId),
	createCompanyRole: (_root, args: RoleArgs & { companyId?: string | null }, { store }) =>
		store.roles.create(args.title, args.permissions, args.companyId),
	editCompanyRole: (_root, args: RoleArgs & { key: string }, { store }) =>
		store.roles.edit(args.key, args.title, args.permissions),
	deleteRole: (_root, args: { key: string }, { store }) => store.roles.delete(args.key, store.users()),
};
