/** Root Mutation fields: thin adapters over the session and interview actions. */
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
import type { TypeResolvers } from './common';

interface IdArgs {
	id: string;
}

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
