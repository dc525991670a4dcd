import type { Operation } from '../../../shared/types';
import { codeField } from './fields';

export const checkCode: Operation = {
	name: 'Check Code',
	value: 'checkCode',
	action: 'Check a contact channel verification code',
	method: 'POST',
	path: '/contact-channels/verify/check-code',
	fields: [codeField],
};
