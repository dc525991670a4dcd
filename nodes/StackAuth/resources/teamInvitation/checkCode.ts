import type { Operation } from '../../../shared/types';
import { codeField } from './fields';

export const checkCode: Operation = {
	name: 'Check Code',
	value: 'checkCode',
	action: 'Check a team invitation code',
	method: 'POST',
	path: '/team-invitations/accept/check-code',
	fields: [codeField],
};
