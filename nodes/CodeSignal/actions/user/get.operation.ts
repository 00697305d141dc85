import type { IExecuteFunctions, INodeExecutionData, INodeParameterResourceLocator, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { GraphqlOperation } from '../../../shared/codesignal/transport';
import { NotFoundError, requireId, requireText } from '../../../shared/inputs';
import { normalizeRole, ROLE_FIELDS, type RawRole } from '../../helpers/roles';
import { normalizeUser, USER_FIELDS, type RawUser } from '../../helpers/users';
import { userLocator } from '../descriptions';
import { runPerItem } from '../runPerItem';

export const document: GraphqlOperation = {
	name: 'GetUser',
	action: 'read the user',
	document: /* GraphQL */ `
		query GetUser($userId: ID, $username: String) {
			user(userId: $userId, username: $username) {
				${USER_FIELDS}
				country
				profile { avatarUrl }
				companyFields { role { ${ROLE_FIELDS} } }
			}
		}
	`,
};

export const description: INodeProperties[] = updateDisplayOptions({ show: { resource: ['user'], operation: ['get'] } }, [
	userLocator,
]);

interface RawCompanyUser extends RawUser {
	country?: string | null;
	profile?: (RawUser['profile'] & { avatarUrl?: string | null }) | null;
	companyFields?: { role?: RawRole | null } | null;
}

/** CodeSignal finds a user by ID or by username, exactly one of the two; a plain value is an ID. */
function userReference(parameter: unknown): { userId?: string; username?: string } {
	const locator = parameter as Partial<INodeParameterResourceLocator> | string | undefined;
	if (typeof locator === 'object' && locator?.mode === 'username') {
		return { username: requireText(locator.value, 'User') };
	}
	return { userId: requireId(typeof locator === 'object' ? locator?.value : locator, 'User') };
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, async (client, itemIndex) => {
		const reference = userReference(this.getNodeParameter('user', itemIndex));
		const { user } = await client.request<{ user: RawCompanyUser | null }>(document, reference, { itemIndex });
		if (!user) throw new NotFoundError('User', reference.userId ?? reference.username ?? '');
		const role = user.companyFields?.role;
		return {
			...normalizeUser(user),
			username: user.username ?? null,
			country: user.country ?? null,
			avatarUrl: user.profile?.avatarUrl ?? null,
			role: role ? normalizeRole(role) : null,
		};
	});
}
