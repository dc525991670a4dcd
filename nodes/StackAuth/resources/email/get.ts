import type { Operation } from '../../../shared/types';
import { emailIdField, SIMPLE_EMAIL } from './fields';

export const get: Operation = {
	name: 'Get',
	value: 'get',
	action: 'Get an email',
	description: 'Get an email from the outbox',
	method: 'GET',
	path: '/emails/outbox/{emailId}',
	fields: [emailIdField],
	simplify: SIMPLE_EMAIL,
};
