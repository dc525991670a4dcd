import type { Operation } from '../../../shared/types';
import { channelTarget } from './fields';

export const remove: Operation = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a contact channel',
	method: 'DELETE',
	path: '/contact-channels/{userId}/{contactChannelId}',
	fields: channelTarget,
	deleted: true,
};
