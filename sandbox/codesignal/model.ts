/**
 * The sandbox's records. Field names follow the GraphQL schema wherever a field maps one to one,
 * so graphql-js's default resolver serves them; derived fields are computed in resolvers/.
 */

export const TEST_SESSION_STATUSES = [
	'pending',
	'active',
	'gracePeriod',
	'finalizing',
	'over',
	'deleted',
	'deletedForPii',
	'expired',
	'declined',
	'archived',
] as const;
export type TestSessionStatus = (typeof TEST_SESSION_STATUSES)[number];

/** Statuses from which the candidate can still finish the test. */
export const UNFINISHED_STATUSES: readonly TestSessionStatus[] = [
	'pending',
	'active',
	'gracePeriod',
	'finalizing',
];

export type VerificationStatus = 'pending' | 'verified' | 'notVerified';
export type LiveInterviewStatus = 'pending' | 'active' | 'over' | 'deleted' | 'archived';
export type AtsIdType = 'greenhouseCandidateId' | 'greenhouseApplicationId';

export interface ScoreRange {
	min: number;
	max: number;
}

export interface ScoringModelRecord {
	__typename: 'CodingScore2023ScoringModel' | 'RawScoringModel';
	type: 'codingScore2023' | 'raw';
	scoreRange: ScoreRange;
}

export interface RoleRecord {
	key: string;
	title: string;
	permissions: string[];
	/** Null for CodeSignal's system roles, which every company may assign. */
	companyId: string | null;
}

export interface UserRecord {
	id: string;
	username: string;
	country: string;
	profile: { name: string; email: string; avatarUrl: string | null };
	role: RoleRecord;
}

export interface TeamRecord {
	id: string;
	title: string;
	companyId: string;
}

export interface CompanyRecord {
	id: string;
	alias: string;
	name: string;
	logo: string;
	status: string;
	notes: string;
	companyProfileEnabled: boolean;
	ownedEmailDomains: string[];
	clientType: 'enterprise';
	lockdownFrameworkEnabled: boolean;
	customFeatures: Record<string, unknown>;
	usedNumericFeatures: { numLicenses: number; maxConcurrentPrescreenSessions: number };
	planStartDate: number;
}

export type TaskTypename =
	| 'SingleEnvironmentTask'
	| 'FilesystemTask'
	| 'DatabaseTask'
	| 'CodeReviewTask';
export type SolutionStyle = 'code' | 'files' | 'sql' | 'quiz';

export interface QuizOptionRecord {
	description: string;
	isCorrect: boolean;
}

export interface TaskRecord {
	__typename: TaskTypename;
	id: string;
	/** The internal name given at creation (CreateXTaskInput.name), unique in the company. */
	name: string;
	/** CodeSignal's library tasks are read-only to a company; its own tasks it may edit. */
	origin: 'codesignal' | 'company';
	title: string;
	description: string;
	generalType: string;
	overviewType: string;
	mode: string;
	labels: string[];
	maxScore: number;
	sets: string[];
	isRecentlyUsed: boolean;
	/** How a candidate's answer to this task looks (drives generated solutions). */
	solutionStyle: SolutionStyle;
	/** Identifier used in generated code, e.g. `mergeIntervals`. */
	functionName: string;
	quizOptions?: QuizOptionRecord[];
	/** Type-specific shapes (FilesystemTask: a list; DatabaseTask: per-dialect configs), served as-is. */
	executionEnvironments?: unknown;
	enableNetwork?: boolean;
	persistentSessionSupport?: boolean;
	persistentSessionPreview?: boolean;
	hasAiChecker?: boolean;
	responseRubric?: string | null;
	viewOverrides?: { hideRunButton: boolean | null } | null;
	/**
	 * What the task mutations accept but the schema never serves back (allowed languages, time limits,
	 * test cases, front-end libraries, initial sources per language), kept as given so tests can read it.
	 */
	settings?: Record<string, unknown>;
}

/** A named group of tasks (TaskSet); a task lists the IDs of its sets in `sets`. */
export interface TaskSetRecord {
	id: string;
	name: string;
}

/** A task placed in a test, with the points it is worth there (TestSessionTask). */
export interface TestSlot {
	maxScore: number;
	task: TaskRecord;
}

export interface TestLabelRecord {
	title: string;
	variant: string;
}

export interface ReminderTemplateRecord {
	name: string;
	subjectLine: string;
	message: string;
}

export interface FrameworkRecord {
	id: string;
	format: string;
	title: string;
	duration: number;
	skillSets: Array<{ id: string; name: string; imageUrl: string | null }>;
	scoringModel: ScoringModelRecord;
	/** Not in the schema: [task title, points] of the tests created from this framework. */
	slots: Array<[string, number]>;
}

/** A certified assessment as `certificationTests` lists it (StandardizedTest), one per framework. */
export interface StandardizedTestRecord {
	__typename: 'StandardizedTest';
	id: string;
	title: string;
	/** Milliseconds. */
	duration: number;
	frameworkId: string;
	type: 'certification' | 'practice';
	internalDescription: string;
	introMessage: string;
	outroMessage: string;
}

export interface TestRecord {
	id: string;
	title: string;
	externalTitle: string;
	internalDescription: string;
	introMessage: string;
	outroMessage: string;
	/** Milliseconds. */
	duration: number;
	createDate: number;
	labels: string[];
	testLabels: TestLabelRecord[];
	authorId: string;
	scoringModel: ScoringModelRecord;
	slots: TestSlot[];
	/** Pre-Screen (proctored): finished sessions await verification. */
	proctored: boolean;
	frameworkId: string | null;
	/** Not in the schema; reported by the assessment webhooks. */
	status: 'active' | 'archived';
	defaultExpirationMs: number;
	emailSubject: string;
	emailMessage: string;
	emailReminderTemplates: ReminderTemplateRecord[];
	scoreRangeLabels: Array<{ label: string; scoreRange: ScoreRange }>;
	/** Set through the test mutations; generated tests leave them unset. */
	expirationEmailSubject?: string | null;
	expirationEmailMessage?: string | null;
	completionEmailSubject?: string | null;
	completionEmailMessage?: string | null;
	/** Reminders every new invitation gets (TestReminder; milliseconds before expiration). */
	emailReminders?: Array<{ templateName: string; timeBeforeExpiration: number | null }>;
	timeZone?: string | null;
	defaultSenderId?: string | null;
	hideScoresFromCandidate?: boolean | null;
	resultDateLimit?: number | null;
}

export interface TestTakerRecord {
	email: string | null;
	firstName: string | null;
	lastName: string | null;
}

export interface ReminderRecord {
	templateName: string;
	/** Milliseconds before the expiration date. */
	timeBeforeExpiration: number;
}

export interface IntegrationsRecord {
	greenhouseCandidateId: string;
	greenhouseApplicationId: string;
}

export interface ResultRecord {
	/** Points per test slot, in slot order; the session score is their sum. */
	taskScores: number[];
	/** versionedCodingScore.value; null on raw-scored tests. */
	codingScore: number | null;
}

export interface SessionRecord {
	id: string;
	testId: string;
	status: TestSessionStatus;
	/** The status to restore on unarchive. */
	statusBeforeArchive: TestSessionStatus | null;
	testTaker: TestTakerRecord;
	createDate: number;
	startDate: number | null;
	finishDate: number | null;
	expirationDate: number | null;
	customDuration: number | null;
	emailReminders: ReminderRecord[];
	verificationStatus: VerificationStatus | null;
	verificationNotes: string;
	verificationRejectionReasons: string[] | null;
	integrityReviewSuggested: boolean | null;
	integrityReviewFinalized: boolean;
	integrations: IntegrationsRecord | null;
	reactivatedSession: { newSessionId: string; reactivationDate: number } | null;
	retakeSessionId: string | null;
	postSessionRedirectUrl: string | null;
	/** Given at creation; not a schema field, echoed by the test-session webhooks. */
	externalId: string | null;
	senderId: string;
	invitationsSent: number;
	graded: boolean;
	result: ResultRecord | null;
	/** Seeds the lazily generated details (solutions, timings, integrity) so they never change. */
	detailSeed: number;
}

export interface FeedbackAttributeRecord {
	name: string;
	score: number;
	notes?: string;
}

export interface InterviewerFeedbackRecord {
	authorId: string;
	notes: string;
	categories: Array<{ name: string; attributes: FeedbackAttributeRecord[] }>;
	recommendedLevel: string;
	/** 'Strong Yes' | 'Yes' | 'No' | 'Strong No' */
	evaluation: string;
}

export interface LiveInterviewRecord {
	id: string;
	candidateEmail: string | null;
	candidateName: string | null;
	status: LiveInterviewStatus;
	proctoringStatus: 'pending' | 'verified' | 'rejected' | 'unavailable' | null;
	createDate: number;
	startDate: number | null;
	finishDate: number | null;
	interviewerId: string | null;
	teamId: string | null;
	templateId: string | null;
	lockTemplate: boolean;
	/** Milliseconds (CodeSignal accepts 1 to 336 hours). */
	expirationTime: number | null;
	trackCandidateLocation: boolean;
	disableDescriptionCopy: boolean;
	interviewersFeedback: InterviewerFeedbackRecord[];
	questionsSolved: number;
	questionsAttempted: number;
}

export interface FeedbackSettingsRecord {
	categories: Array<{
		name: string;
		attributes: Array<{ name: string; details: string | null }>;
	}>;
	overallEvaluation: { enabled: boolean; details: string | null; anchors: string[] };
	recommendedLevel: { enabled: boolean; details: string | null; levels: string[] };
}

export interface InterviewTemplateRecord {
	id: string;
	name: string;
	taskIds: string[];
	authorId: string;
	teamId: string | null;
	canEdit: boolean;
	/** Milliseconds. */
	defaultExpirationTime: number;
	isCompanyDefault: boolean;
	taskCustomScores: Array<{ id: string; score: number }>;
	feedbackSettings: FeedbackSettingsRecord;
}
