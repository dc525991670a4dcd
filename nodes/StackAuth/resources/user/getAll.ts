import type { Operation } from '../../../shared/types';
import { collection, queryBoolean } from '../../shared/descriptions';
import { SIMPLE_USER } from './fields';

export const getAll: Operation = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many users',
	method: 'GET',
	path: '/users',
	list: { paginate: 'cursor' },
	listKey: 'items',
	simplify: SIMPLE_USER,
	fields: [
		collection('Filters', 'filters', [
			{
				displayName: 'Include Anonymous',
				name: 'includeAnonymous',
				type: 'boolean',
				default: false,
				description: 'Whether to include anonymous users',
				value: queryBoolean,
			},
			{
				displayName: 'Include Restricted',
				name: 'includeRestricted',
				type: 'boolean',
				default: false,
				description: 'Whether to include users restricted by an admin',
				value: queryBoolean,
			},
			{
				displayName: 'Only Anonymous',
				name: 'onlyAnonymous',
				type: 'boolean',
				default: false,
				description: 'Whether to return only anonymous users',
				value: queryBoolean,
			},
			{
				displayName: 'Search',
				name: 'query',
				type: 'string',
				default: '',
				placeholder: 'e.g. alice@example.com',
				description: 'Matches the user ID exactly, or part of the display name or email',
			},
			{
				displayName: 'Team ID',
				name: 'teamId',
				type: 'string',
				default: '',
				description: 'Only members of this team',
			},
		]),
		collection('Options', 'options', [
			{
				displayName: 'Sort Order',
				name: 'desc',
				type: 'options',
				options: [
					{ name: 'Oldest Sign-Up First', value: 'false' },
					{ name: 'Newest Sign-Up First', value: 'true' },
				],
				default: 'false',
				description: 'Order of users by sign-up time (order_by=signed_up_at)',
				// The API sorts only by sign-up time; naming it makes the order explicit.
				also: { order_by: 'signed_up_at' },
			},
		]),
	],
};
