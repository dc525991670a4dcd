import type { Resource } from '../../../shared/types';
import { create } from './create';
import { remove } from './delete';
import { get } from './get';
import { getAll } from './getAll';

export const sslCertificate: Resource = {
	displayName: 'SSL Certificate',
	value: 'sslCertificate',
	defaultOperation: 'getAll',
	operations: [create, remove, get, getAll],
};
