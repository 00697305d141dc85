/** The initial world: one company, its staff, tests with sessions in every status, interviews, templates. */
import {
	FRAMEWORKS,
	INTERVIEW_TEMPLATES,
	PRE_SCREEN_PROFILE,
	TEST_PROFILES,
	type TestProfile,
} from './content';
import { Generator } from './generator';
import { generateInterviewTemplate, generateLiveInterview } from './interviewGenerator';
import type {
	CompanyRecord,
	FrameworkRecord,
	InterviewTemplateRecord,
	LiveInterviewRecord,
	SessionRecord,
	StandardizedTestRecord,
	TaskRecord,
	TaskSetRecord,
	TeamRecord,
	TestRecord,
	UserRecord,
} from './model';
import { TEST_SESSION_STATUSES } from './model';

export interface DatasetOptions {
	tests: number;
	sessionsPerTest: number;
	/** How many of `tests` are proctored Pre-Screen tests (the last ones). */
	proctoredTests: number;
	liveInterviews: number;
	interviewTemplates: number;
	/** "Now" for the generated history (epoch ms); sessions finish before it, pending ones expire after it. */
	baseTime: number;
}

export const DEFAULT_DATASET: DatasetOptions = {
	tests: 6,
	sessionsPerTest: 40,
	proctoredTests: 1,
	liveInterviews: 12,
	interviewTemplates: 3,
	baseTime: Date.parse('2026-10-01T00:00:00Z'),
};

export interface Dataset {
	company: CompanyRecord;
	users: UserRecord[];
	teams: TeamRecord[];
	tasks: TaskRecord[];
	/** The framework of the Pre-Screen tests first. */
	frameworks: FrameworkRecord[];
	certificationTests: StandardizedTestRecord[];
	taskSets: TaskSetRecord[];
	tests: TestRecord[];
	sessions: SessionRecord[];
	interviewTemplates: InterviewTemplateRecord[];
	liveInterviews: LiveInterviewRecord[];
}

/** Profiles cycle; a repeated title gets a round number so titles stay unique. */
function testProfile(
	index: number,
	proctored: boolean,
	proctoredIndex: number,
): TestProfile {
	const base = proctored ? PRE_SCREEN_PROFILE : TEST_PROFILES[index % TEST_PROFILES.length];
	const round = proctored ? proctoredIndex : Math.floor(index / TEST_PROFILES.length);
	return round === 0 ? base : { ...base, title: `${base.title} (${round + 1})` };
}

export function generateDataset(generator: Generator, options: DatasetOptions): Dataset {
	const company = generator.company();
	const users = generator.users(company.id);
	const teams = generator.teams(company.id);
	const tasks = generator.tasks();
	const framework = generator.framework();
	const recruiters = users.filter((user) => user.role.title !== 'Interviewer');
	const interviewers = users.filter(
		(user) => user.role.title === 'Interviewer' || user.role.title === 'Hiring Manager',
	);

	const firstProctored = Math.max(0, options.tests - options.proctoredTests);
	const tests: TestRecord[] = [];
	const sessions: SessionRecord[] = [];
	for (let index = 0; index < options.tests; index++) {
		const proctored = index >= firstProctored;
		const profile = testProfile(index, proctored, index - firstProctored);
		const test = generator.test(profile, {
			tasks,
			authors: recruiters,
			framework: proctored ? framework : null,
		});
		tests.push(test);
		for (let n = 0; n < options.sessionsPerTest; n++) {
			// The first sessions of every test cover each status once.
			const status = n < TEST_SESSION_STATUSES.length ? TEST_SESSION_STATUSES[n] : undefined;
			sessions.push(generator.session(test, recruiters, { status }));
		}
	}

	const interviewTemplates = Array.from({ length: options.interviewTemplates }, (_, index) =>
		generateInterviewTemplate(
			generator,
			INTERVIEW_TEMPLATES[index % INTERVIEW_TEMPLATES.length],
			tasks,
			recruiters[index % recruiters.length],
			teams[index % teams.length],
			index === 0,
		),
	);
	const liveInterviews = Array.from({ length: options.liveInterviews }, () =>
		generateLiveInterview(generator, interviewTemplates, interviewers),
	);
	// Generated last, so that everything above stays what a seed generated before these existed.
	const frameworks = [
		framework,
		...FRAMEWORKS.slice(1).map((definition) => generator.framework(definition)),
	];
	const certificationTests = frameworks.map((each) => generator.certificationTest(each));
	tasks.push(...generator.companyTasks());
	const taskSets = generator.taskSets(tasks);
	return {
		company,
		users,
		teams,
		tasks,
		frameworks,
		certificationTests,
		taskSets,
		tests,
		sessions,
		interviewTemplates,
		liveInterviews,
	};
}
