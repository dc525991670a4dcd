import type { Operation } from '../../../shared/types';
import { collection } from '../../shared/descriptions';
import {
	channelTarget,
	isPrimaryField,
	isVerifiedField,
	usedForAuthField,
	valueField,
} from './fields';

export const update: Operation = {
	name: 'Update',
	value: 'update',
	action: 'Update a contact channel',
	method: 'PATCH',
	path: '/contact-channels/{userId}/{contactChannelId}',
	fields: [
		...channelTarget,
		collection('Update Fields', 'updateFields', [
			{
				...valueField,
				description: 'The new email address; it becomes unverified unless Is Verified is set',
			},
			isPrimaryField,
			isVerifiedField,
			usedForAuthField,
		]),
	],
};
