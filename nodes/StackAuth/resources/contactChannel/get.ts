import type { Operation } from '../../../shared/types';
import { channelTarget } from './fields';

export const get: Operation = {
	name: 'Get',
	value: 'get',
	action: 'Get a contact channel',
	method: 'GET',
	path: '/contact-channels/{userId}/{contactChannelId}',
	fields: channelTarget,
};
