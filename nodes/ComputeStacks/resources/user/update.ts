import type { Operation } from '../../../shared/types';
import { collection, jsonField } from '../../shared/descriptions';
import { profileFields } from './fields';

/**
 * PATCH /api/users with `{user: {...}}` (app/controllers/api/users_controller.rb#update and
 * #user_params). ComputeStacks answers 200 `{}`, or 400 `{errors: [...]}` when validation fails.
 */
export const update: Operation = {
	name: 'Update',
	value: 'update',
	action: 'Update the current user',
	description: 'Update the profile of the user the credential belongs to',
	method: 'PATCH',
	path: '/users',
	wrap: 'user',
	// The response is an empty object.
	map: () => ({ success: true }),
	fields: [
		collection('Update Fields', 'updateFields', [
			...profileFields('user'),
			{
				displayName: 'Email',
				name: 'email',
				type: 'string',
				placeholder: 'name@email.com',
				default: '',
				api: 'user.email',
			},
			{
				displayName: 'First Name',
				name: 'firstName',
				type: 'string',
				default: '',
				api: 'user.fname',
			},
			{
				displayName: 'Last Name',
				name: 'lastName',
				type: 'string',
				default: '',
				api: 'user.lname',
			},
			jsonField(
				'Merge Labels',
				'mergeLabels',
				'Labels to add to the user’s labels as a JSON object, e.g. {"plan": "pro"}; existing keys are overwritten',
				'user.merge_labels',
			),
		]),
	],
};
