/**
 * One field resolver for the whole schema: root fields go through the API key's permissions,
 * derived fields to their resolver, everything else is read from the record as stored.
 */
import {
	defaultFieldResolver,
	GraphQLError,
	type GraphQLFieldResolver,
	type GraphQLTypeResolver,
} from 'graphql';

import type { ResolverContext, TypeResolvers } from './common';
import { Mutation } from './mutation';
import { Query } from './query';
import { DEFAULT_CONCRETE_TYPES, typeResolvers } from './types';

export type { ResolverContext } from './common';

const ROOT_RESOLVERS: Record<string, TypeResolvers<never>> = { Query, Mutation };

export const resolveField: GraphQLFieldResolver<unknown, ResolverContext> = (
	source,
	args,
	context,
	info,
) => {
	const typeName = info.parentType.name;
	const rootFields = ROOT_RESOLVERS[typeName];
	if (rootFields) {
		context.onRootField(info.fieldName);
		if (context.allowedFields !== 'all' && !context.allowedFields.has(info.fieldName)) {
			throw new GraphQLError('Access Denied');
		}
		const resolver = rootFields[info.fieldName];
		if (!resolver) {
			throw new GraphQLError(
				`${typeName}.${info.fieldName} is not implemented by the CodeSignal sandbox`,
			);
		}
		return resolver(source as never, args as never, context);
	}
	const resolver = typeResolvers[typeName]?.[info.fieldName];
	return resolver
		? resolver(source as never, args as never, context)
		: defaultFieldResolver(source, args, context, info);
};

export const resolveType: GraphQLTypeResolver<unknown, ResolverContext> = (
	value,
	_context,
	_info,
	abstractType,
) => {
	const typename = (value as { __typename?: string }).__typename;
	return typename ?? DEFAULT_CONCRETE_TYPES[abstractType.name];
};
