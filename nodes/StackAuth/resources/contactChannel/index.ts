import type { Resource } from '../../../shared/types';
import { checkCode } from './checkCode';
import { create } from './create';
import { remove } from './delete';
import { get } from './get';
import { getAll } from './getAll';
import { sendVerificationCode } from './sendVerificationCode';
import { update } from './update';
import { verify } from './verify';

export const contactChannel: Resource = {
	displayName: 'Contact Channel',
	value: 'contactChannel',
	defaultOperation: 'getAll',
	operations: [checkCode, create, remove, get, getAll, sendVerificationCode, update, verify],
};
