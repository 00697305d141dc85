/** The CodeSignal node's resources, by the value of its Resource parameter. */
import type { Resources } from '../../shared/router';
import * as company from './company/Company.resource';
import * as companyTest from './companyTest/CompanyTest.resource';
import * as customGraphql from './customGraphql/CustomGraphql.resource';
import * as interviewTemplate from './interviewTemplate/InterviewTemplate.resource';
import * as liveInterview from './liveInterview/LiveInterview.resource';
import * as task from './task/Task.resource';
import * as testLabel from './testLabel/TestLabel.resource';
import * as testSession from './testSession/TestSession.resource';

export const resources: Resources = {
	company,
	customGraphql,
	interviewTemplate,
	liveInterview,
	task,
	// The value saved workflows carry is "test"; the folder says which kind of test it is.
	test: companyTest,
	testLabel,
	testSession,
};
