/** Reading and checking the node's shared parameters for one item. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { SessionDetail } from '../../shared/codesignal/sessions';
import { HOUR_MS, InvalidParameterError, parseDate, requireId, requireText, requireWholeNumber } from '../../shared/inputs';
import type { SessionFilters } from '../helpers/sessionScan';

/** An ID from a plain string parameter or a resource locator. */
export function getId(this: IExecuteFunctions, name: string, field: string, itemIndex: number): string {
	return requireId(this.getNodeParameter(name, itemIndex, '', { extractValue: true }), field);
}

export function getPaging(this: IExecuteFunctions, itemIndex: number): { returnAll: boolean; limit?: number } {
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	if (returnAll) return { returnAll };
	return { returnAll, limit: requireWholeNumber(this.getNodeParameter('limit', itemIndex, 50), 'Limit', 1) };
}

const DETAILS: readonly SessionDetail[] = ['summary', 'results', 'full'];

export function getDetail(this: IExecuteFunctions, itemIndex: number): SessionDetail {
	const detail = this.getNodeParameter('detail', itemIndex, 'results') as SessionDetail;
	if (!DETAILS.includes(detail)) {
		throw new InvalidParameterError('Detail', `Detail must be one of ${DETAILS.join(', ')}, got "${detail}"`);
	}
	return detail;
}

/** A collection parameter (Options, Filters, Additional Fields) as an object. */
export function getCollection(this: IExecuteFunctions, name: string, itemIndex: number): IDataObject {
	return this.getNodeParameter(name, itemIndex, {}) as IDataObject;
}

/** A collection's Company ID (see companyIdOption), checked, or undefined for the API key's own company. */
export function companyIdOf(collection: IDataObject): string | undefined {
	return collection.companyId ? requireId(collection.companyId, 'Company ID') : undefined;
}

/** Status and finish-date filters from the "Filters" collection; dates in the workflow's time zone. */
export function getSessionFilters(this: IExecuteFunctions, itemIndex: number): SessionFilters {
	const filters = getCollection.call(this, 'filters', itemIndex);
	const timeZone = this.getTimezone();
	return {
		statuses: (filters.statuses as string[] | undefined) ?? [],
		finishedAfter: parseDate(filters.finishedAfter, 'Finished After', timeZone),
		finishedBefore: parseDate(filters.finishedBefore, 'Finished Before', timeZone),
	};
}

/** The "Reminders" fixed collection as CodeSignal's EmailReminder list (lead time in ms). */
export function toEmailReminders(value: unknown): Array<{ templateName: string; timeBeforeExpiration: number }> {
	const reminders = ((value as IDataObject | undefined)?.reminder as IDataObject[] | undefined) ?? [];
	return reminders.map((reminder) => ({
		templateName: requireText(reminder.templateName, 'Template Name'),
		timeBeforeExpiration: requireWholeNumber(reminder.hoursBeforeExpiration, 'Hours Before Expiration', 1) * HOUR_MS,
	}));
}
