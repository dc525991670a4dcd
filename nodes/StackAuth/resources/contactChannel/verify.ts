import type { Operation } from '../../../shared/types';
import { codeField } from './fields';

export const verify: Operation = {
	name: 'Verify',
	value: 'verify',
	action: 'Verify a contact channel with a code',
	method: 'POST',
	path: '/contact-channels/verify',
	fields: [codeField],
};
