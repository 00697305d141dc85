/** Resolvers for object fields that are derived rather than stored. */
import { VERIFICATION_REJECTION_REASONS } from '../content';
import type {
	CompanyRecord,
	InterviewTemplateRecord,
	InterviewerFeedbackRecord,
	LiveInterviewRecord,
	ResultRecord,
	RoleRecord,
	SessionRecord,
	StandardizedTestRecord,
	TaskRecord,
	TestRecord,
	UserRecord,
} from '../model';
import {
	invitationUrl,
	resultUrl,
	sessionDetails,
	sessionScore,
	solvedTaskCount,
	type SessionDetails,
} from '../resultDetails';
import { certificationStatus } from '../standardized';
import type { TaskLevelRecord } from '../taskLevels';
import type { SandboxStore } from '../store';
import { page, type PageArgs, type TypeResolvers } from './common';

const APP_URL = 'https://app.codesignal.com';
const PLAN_YEAR = 365 * 24 * 60 * 60 * 1000;

/** A session's result as CompanyTestSessionResult sees it; details are generated once per view. */
class ResultView {
	private cachedDetails: SessionDetails | undefined;

	constructor(
		readonly session: SessionRecord,
		readonly test: TestRecord,
		readonly result: ResultRecord,
	) {}

	get details(): SessionDetails {
		this.cachedDetails ??= sessionDetails(this.session, this.test, this.result);
		return this.cachedDetails;
	}
}

const OVERALL_EVALUATIONS: Record<string, string> = {
	'Strong Yes': 'strong_yes',
	Yes: 'yes',
	No: 'no',
	'Strong No': 'strong_no',
};

type TestOf = (store: SandboxStore, session: SessionRecord) => TestRecord;

const companyTestOf: TestOf = (store, session) => store.requireTest(session.testId);
const standardizedTestOf: TestOf = (store, session) => store.standardized.requireTest(session.testId);

function maxScoreOf(test: TestRecord): number {
	return test.slots.reduce((sum, slot) => sum + slot.maxScore, 0);
}

const Company: TypeResolvers<CompanyRecord> = {
	contacts: (_company, _args, { store }) =>
		store.users().map((user) => ({
			id: user.id,
			name: user.profile.name,
			email: user.profile.email,
			status: 'active',
			user,
			teams: store.teams(),
			lastVisitDate: null,
		})),
	debugContact: () => null,
	plans: (company) => [
		{
			servicePlan: {
				key: 'enterprise',
				product: 'test',
				title: 'Enterprise',
				type: 'enterprise',
				status: 'enabled',
				features: company.customFeatures,
			},
			startDate: company.planStartDate,
			expireDate: company.planStartDate + 2 * PLAN_YEAR,
			newServicePlan: null,
		},
	],
};

const User: TypeResolvers<UserRecord> = {
	companyFields: (user, _args, { store }) => ({ company: store.company, role: user.role }),
	clientData: (user) => ({ role: user.role.title }),
};

const Role: TypeResolvers<RoleRecord> = {
	hasAssignees: (role, _args, { store }) => store.roles.hasAssignees(role, store.users()),
};

const CompanyTest: TypeResolvers<TestRecord> = {
	company: (_test, _args, { store }) => store.company,
	author: (test, _args, { store }) => store.getUser(test.authorId) ?? null,
	framework: (test, _args, { store }) => store.getFramework(test.frameworkId) ?? null,
	testSession: (test, args: { id: string }, { store }) => {
		const session = store.getSession(args.id);
		return session?.testId === test.id ? session : null;
	},
	testSessions: (test, args: PageArgs, { store, defaultPageSize }) =>
		page(store.listSessions(test.id), args, defaultPageSize),
	emailReminders: (test) => test.emailReminders ?? [],
	behavioralProfile: () => null,
	resultDateLimit: (test) => test.resultDateLimit ?? null,
};

/** CompanyTestSession and StandardizedTestSession differ in where their test is (and a few fields). */
const testSession = (testOf: TestOf): TypeResolvers<SessionRecord> => ({
	test: (session, _args, { store }) => testOf(store, session),
	maxScore: (session, _args, { store }) => maxScoreOf(testOf(store, session)),
	result: (session, _args, { store }) =>
		session.result ? new ResultView(session, testOf(store, session), session.result) : null,
	tasks: (session, _args, { store }) => testOf(store, session).slots,
	taskCount: (session, _args, { store }) => testOf(store, session).slots.length,
	task: (session, args: { taskId?: string | null }, { store }) =>
		testOf(store, session).slots.find((slot) => !args.taskId || slot.task.id === args.taskId) ??
		null,
	sender: (session, _args, { store }) => store.getUser(session.senderId) ?? null,
	invitationUrl: (session) => invitationUrl(session),
	labels: () => [],
	feedback: () => null,
	publicInvitationId: () => null,
	emailReminders: (session, _args, { store }) => {
		const test = testOf(store, session);
		return session.emailReminders.map((reminder) => {
			const template = test.emailReminderTemplates.find(
				(candidate) => candidate.name === reminder.templateName,
			);
			return {
				templateName: reminder.templateName,
				sendDate: (session.expirationDate ?? 0) - reminder.timeBeforeExpiration,
				email: {
					to: session.testTaker.email ?? '',
					subject: template?.subjectLine ?? '',
					properties: {
						candidateFirstName: session.testTaker.firstName,
						candidateLastName: session.testTaker.lastName,
						company: store.company.name,
						messageContent: template?.message ?? '',
					},
				},
			};
		});
	},
	verificationRejectionReasons: (session) =>
		session.verificationRejectionReasons?.map(
			(name) =>
				VERIFICATION_REJECTION_REASONS.find((reason) => reason.name === name) ?? {
					name,
					description: name,
				},
		) ?? null,
	retakeSession: (session, _args, { store }) =>
		session.retakeSessionId ? (store.getSession(session.retakeSessionId) ?? null) : null,
});

const CompanyTestSession = testSession(companyTestOf);
const StandardizedTestSession = testSession(standardizedTestOf);

/**
 * A certified assessment: one `certificationTests` lists (a StandardizedTestRecord, which has its type), or the
 * test the standardized sessions were taken on (a TestRecord, always a certification).
 */
const StandardizedTest: TypeResolvers<StandardizedTestRecord | TestRecord> = {
	framework: (test, _args, { store }) => store.getFramework(test.frameworkId) ?? null,
	type: (test) => ('type' in test ? test.type : 'certification'),
};

const CompanyTestSessionResult: TypeResolvers<ResultView> = {
	score: (view) => sessionScore(view.result),
	solvedTaskCount: (view) => solvedTaskCount(view.test, view.result),
	coreSkillScores: (view) => view.details.coreSkillScores,
	taskResults: (view) => view.details.taskResults,
	taskResult: (view, args: { taskId?: string | null; id?: string | null }) =>
		view.details.taskResults.find(
			(taskResult) => taskResult.sessionTask.task.id === (args.taskId ?? args.id),
		) ?? null,
	url: (view) => resultUrl(view.session),
	codingScore: (view) =>
		view.result.codingScore === null
			? null
			: sessionScore(view.result) === 0
				? 0
				: view.result.codingScore,
	versionedCodingScore: (view) =>
		view.result.codingScore === null
			? null
			: { version: 'codingScore2023', value: view.result.codingScore, skillAreas: null },
	behavioralScore: () => null,
	aiInsights: (view) => ({ summary: view.details.aiSummary }),
	totalTimeClosed: (view) => view.details.totalTimeClosed,
};

const StandardizedTestSessionResult: TypeResolvers<ResultView> = {
	...CompanyTestSessionResult,
	certificationStatus: (view) => certificationStatus(view.session),
};

const LiveInterview: TypeResolvers<LiveInterviewRecord> = {
	url: (interview) => `${APP_URL}/client-dashboard/interviews?liveInterviewId=${interview.id}`,
	shortenedUrl: (interview) => `https://cdsg.nl/i/${interview.id.slice(0, 8)}`,
	company: (_interview, _args, { store }) => store.company,
	feedback: () => null,
};

const InterviewerFeedback: TypeResolvers<InterviewerFeedbackRecord> = {
	author: (feedback, _args, { store }) => store.getUser(feedback.authorId),
	overallEvaluation: (feedback) => OVERALL_EVALUATIONS[feedback.evaluation] ?? null,
};

const InterviewTemplate: TypeResolvers<InterviewTemplateRecord> = {
	tasks: (template, _args, { store }) => template.taskIds.map((id) => store.getTask(id) ?? null),
	author: (template, _args, { store }) => store.getUser(template.authorId) ?? null,
	team: (template, _args, { store }) => store.getTeam(template.teamId) ?? null,
	hasAssociatedInterviews: (template, _args, { store }) =>
		store
			.liveInterviews()
			.some(
				(interview) =>
					interview.templateId === template.id &&
					(interview.status === 'pending' || interview.status === 'active'),
			),
};

const SingleEnvironmentTask: TypeResolvers<TaskRecord> = {
	levels: (task, _args, { store }) => store.taskLevels.of(task.id),
};

const TaskLevel: TypeResolvers<TaskLevelRecord> = {
	parentTask: (level, _args, { store }) => store.getTask(level.parentTaskId),
};

export const typeResolvers: Record<string, TypeResolvers<never>> = {
	Company,
	User,
	Role,
	CompanyTest,
	CompanyTestSession,
	CompanyTestSessionResult,
	StandardizedTest,
	StandardizedTestSession,
	StandardizedTestSessionResult,
	LiveInterview,
	InterviewerFeedback,
	InterviewTemplate,
	SingleEnvironmentTask,
	TaskLevel,
};

/** Concrete types for abstract fields whose values carry no `__typename`. */
export const DEFAULT_CONCRETE_TYPES: Record<string, string> = {
	Test: 'CompanyTest',
	TestSession: 'CompanyTestSession',
	TestSessionResult: 'CompanyTestSessionResult',
};
