import type { Operation } from '../../../shared/types';

export const getCurrent: Operation = {
	name: 'Get Current',
	value: 'getCurrent',
	action: 'Get the current project',
	description: 'Get the project of the credential, with its configuration',
	method: 'GET',
	path: '/projects/current',
};
