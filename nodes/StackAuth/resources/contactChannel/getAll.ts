import type { Operation } from '../../../shared/types';
import { collection, userLocator } from '../../shared/descriptions';

export const getAll: Operation = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many contact channels',
	method: 'GET',
	path: '/contact-channels',
	list: {},
	listKey: 'items',
	fields: [
		userLocator({
			required: false,
			description: 'Only contact channels of this user; leave empty for all users',
		}),
		collection('Filters', 'filters', [
			{
				displayName: 'Contact Channel ID',
				name: 'contactChannelId',
				type: 'string',
				default: '',
				placeholder: 'e.g. b3d396b8-c574-4c80-97b3-50031675ceb2',
				description: 'Only the contact channel with this ID',
			},
		]),
	],
};
