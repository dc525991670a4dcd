import type { Operation } from '../../../shared/types';
import { fullCodeField, returnUrlFields } from './fields';

export const validateCode: Operation = {
	name: 'Validate Code',
	value: 'validateCode',
	action: 'Validate a purchase code',
	description: 'Check a purchase code and get the product it is for',
	method: 'POST',
	path: '/payments/purchases/validate-code',
	fields: [fullCodeField, returnUrlFields],
};
