import type { Operation } from '../../../shared/types';
import { collection } from '../../shared/descriptions';
import { EMAIL_SIMPLE_STATUSES, EMAIL_STATUSES, SIMPLE_EMAIL } from './fields';

export const getAll: Operation = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many emails',
	description: 'List the emails in the outbox, newest first',
	method: 'GET',
	path: '/emails/outbox',
	list: { paginate: 'cursor' },
	listKey: 'items',
	simplify: SIMPLE_EMAIL,
	fields: [
		collection('Filters', 'filters', [
			{
				displayName: 'Simple Status',
				name: 'simpleStatus',
				type: 'options',
				options: EMAIL_SIMPLE_STATUSES,
				default: 'in-progress',
				description: 'Only emails in this coarse state',
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: EMAIL_STATUSES,
				default: 'sent',
				description: 'Only emails with this exact status',
			},
		]),
	],
};
