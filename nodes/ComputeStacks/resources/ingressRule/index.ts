import type { Resource } from '../../../shared/types';
import { create } from './create';
import { remove } from './delete';
import { get } from './get';
import { getDomains } from './getDomains';
import { toggleNat } from './toggleNat';
import { update } from './update';

export const ingressRule: Resource = {
	displayName: 'Ingress Rule',
	value: 'ingressRule',
	defaultOperation: 'get',
	operations: [create, remove, get, getDomains, toggleNat, update],
};
