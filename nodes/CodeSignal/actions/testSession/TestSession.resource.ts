import type { INodeProperties } from 'n8n-workflow';

import * as appendVerificationNote from './appendVerificationNote.operation';
import * as archive from './archive.operation';
import * as create from './create.operation';
import * as deleteSession from './delete.operation';
import * as extendExpiration from './extendExpiration.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getByAtsId from './getByAtsId.operation';
import * as getFinishedBetween from './getFinishedBetween.operation';
import * as getStandardized from './getStandardized.operation';
import * as gradeTask from './gradeTask.operation';
import * as markAsGraded from './markAsGraded.operation';
import * as reactivate from './reactivate.operation';
import * as resend from './resend.operation';
import * as setDuration from './setDuration.operation';
import * as setReminders from './setReminders.operation';
import * as unarchive from './unarchive.operation';

export {
	appendVerificationNote,
	archive,
	create,
	deleteSession as delete,
	extendExpiration,
	get,
	getAll,
	getByAtsId,
	getFinishedBetween,
	getStandardized,
	gradeTask,
	markAsGraded,
	reactivate,
	resend,
	setDuration,
	setReminders,
	unarchive,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['testSession'] } },
		options: [
			{
				name: 'Append Verification Note',
				value: 'appendVerificationNote',
				description: 'Add a note to the proctoring review of a session; the notes written before are kept',
				action: 'Append a verification note to a test session',
			},
			{
				name: 'Archive',
				value: 'archive',
				description: 'Archive a test session',
				action: 'Archive a test session',
			},
			{
				name: 'Create',
				value: 'create',
				description: 'Invite a candidate to a test',
				action: 'Create a test session',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a test session',
				action: 'Delete a test session',
			},
			{
				name: 'Extend Expiration',
				value: 'extendExpiration',
				description: 'Give the candidate more time to start or finish',
				action: 'Extend the expiration of a test session',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get a test session, with its results if wanted',
				action: 'Get a test session',
			},
			{
				name: 'Get by ATS ID',
				value: 'getByAtsId',
				description: 'Get the test sessions of a Greenhouse candidate or application',
				action: 'Get test sessions by ATS ID',
			},
			{
				name: 'Get Finished Between',
				value: 'getFinishedBetween',
				description: 'Get the sessions that finished in a time window, across tests',
				action: 'Get test sessions finished between two dates',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'Get many test sessions of a test',
				action: 'Get many test sessions',
			},
			{
				name: 'Get Standardized',
				value: 'getStandardized',
				description: "Get a candidate's session of one of CodeSignal's certified assessments",
				action: 'Get a standardized test session',
			},
			{
				name: 'Grade Task',
				value: 'gradeTask',
				description: 'Set the points of one task of a finished session',
				action: 'Grade a task of a test session',
			},
			{
				name: 'Mark as Graded',
				value: 'markAsGraded',
				description: 'Mark a test result as graded',
				action: 'Mark a test result as graded',
			},
			{
				name: 'Reactivate',
				value: 'reactivate',
				description: 'Reopen an expired or declined invitation, or give a finished session a retake',
				action: 'Reactivate a test session',
			},
			{
				name: 'Resend',
				value: 'resend',
				description: 'Send the invitation e-mail again',
				action: 'Resend a test session invitation',
			},
			{
				name: 'Set Duration',
				value: 'setDuration',
				description: 'Give one candidate a different time limit',
				action: 'Set the duration of a test session',
			},
			{
				name: 'Set Reminders',
				value: 'setReminders',
				description: 'Replace the reminder e-mails of a pending invitation',
				action: 'Set the reminders of a test session',
			},
			{
				name: 'Unarchive',
				value: 'unarchive',
				description: 'Unarchive a test session',
				action: 'Unarchive a test session',
			},
		],
		default: 'get',
	},
	...appendVerificationNote.description,
	...archive.description,
	...create.description,
	...deleteSession.description,
	...extendExpiration.description,
	...get.description,
	...getAll.description,
	...getByAtsId.description,
	...getFinishedBetween.description,
	...getStandardized.description,
	...gradeTask.description,
	...markAsGraded.description,
	...reactivate.description,
	...resend.description,
	...setDuration.description,
	...setReminders.description,
	...unarchive.description,
];
