import type { Operation } from '../../../shared/types';
import { userLocator } from '../../shared/descriptions';
import { SIMPLE_USER } from './fields';

export const get: Operation = {
	name: 'Get',
	value: 'get',
	action: 'Get a user',
	method: 'GET',
	path: '/users/{userId}',
	fields: [userLocator()],
	simplify: SIMPLE_USER,
};
