import type { Operation } from '../../../shared/types';
import { accountTarget } from './fields';

export const get: Operation = {
	name: 'Get',
	value: 'get',
	action: 'Get a linked OAuth account',
	method: 'GET',
	path: '/oauth-providers/{userId}/{providerId}',
	fields: accountTarget,
};
