/** The CodeSignal node's resources, by the value of its Resource parameter. */
import type { Resources } from '../../shared/router';
import * as company from './company/Company.resource';
import * as companyTest from './companyTest/CompanyTest.resource';
import * as customGraphql from './customGraphql/CustomGraphql.resource';
import * as interviewTemplate from './interviewTemplate/InterviewTemplate.resource';
import * as liveInterview from './liveInterview/LiveInterview.resource';
import * as role from './role/Role.resource';
import * as task from './task/Task.resource';
import * as taskLevel from './taskLevel/TaskLevel.resource';
import * as testLabel from './testLabel/TestLabel.resource';
import * as testSession from './testSession/TestSession.resource';
import * as user from './user/User.resource';

export const resources: Resources = {
	company,
	customGraphql,
	interviewTemplate,
	liveInterview,
	role,
	task,
	taskLevel,
	// The value saved workflows carry is "test"; the folder says which kind of test it is.
	test: companyTest,
	testLabel,
	testSession,
	user,
};
