import type { Operation } from '../../../shared/types';
import { collection, jsonField } from '../../shared/descriptions';
import { profileFields, requiredText } from './fields';

/**
 * POST /api/users (app/controllers/api/users_controller.rb#create): the profile inside `user`,
 * the provider account at the top level (`provider`, `provider_server`, `provider_username`,
 * `labels`, as the controller and test/controllers/api/users_controller_test.rb send them).
 * ComputeStacks answers 201 `{user: {id, fname, lname, email, currency, api: {username,
 * password}, labels}}` (app/views/api/users/create.rabl).
 */
export const create: Operation = {
	name: 'Create',
	value: 'create',
	action: 'Create a user',
	description:
		'Create an end user with generated API credentials, for sign-up from a hosting panel or billing system. ComputeStacks meant this for OAuth applications with the register scope (only an administrator can grant it) and for administrators.',
	method: 'POST',
	path: '/users',
	wrap: 'user',
	recordKey: 'user',
	fields: [
		{
			displayName: 'First Name',
			name: 'firstName',
			type: 'string',
			default: '',
			required: true,
			api: 'user.fname',
			value: requiredText,
		},
		{
			displayName: 'Last Name',
			name: 'lastName',
			type: 'string',
			default: '',
			required: true,
			api: 'user.lname',
			value: requiredText,
		},
		{
			displayName: 'Provider Server',
			name: 'providerServer',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. server1.example.com',
			description:
				'The URL or unique name of the server of the hosting panel the user comes from; it scopes the username',
			api: 'provider_server',
			value: requiredText,
		},
		{
			displayName: 'Provider Username',
			name: 'providerUsername',
			type: 'string',
			default: '',
			required: true,
			description: 'The user’s username on that server',
			api: 'provider_username',
			value: requiredText,
		},
		collection('Additional Fields', 'additionalFields', [
			...profileFields('user'),
			{
				displayName: 'Email',
				name: 'email',
				type: 'string',
				placeholder: 'name@email.com',
				default: '',
				description:
					'ComputeStacks makes up an address when this is empty or already in use, and sends no confirmation email',
				api: 'user.email',
			},
			jsonField(
				'Labels',
				'labels',
				'More labels of the user as a JSON object, e.g. {"plan": "pro"}; ComputeStacks adds {"<provider>": {"<server>": "<username>"}}',
				'labels',
			),
			{
				displayName: 'Provider',
				name: 'provider',
				type: 'string',
				default: '',
				placeholder: 'e.g. cpanel',
				description: 'The kind of hosting panel; ComputeStacks uses cpanel when empty',
				api: 'provider',
			},
		]),
	],
};
