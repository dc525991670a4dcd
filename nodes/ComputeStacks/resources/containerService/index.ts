import type { Resource } from '../../../shared/types';
import { remove } from './delete';
import { get } from './get';
import { getAll } from './getAll';
import { getBastion } from './getBastion';
import { getBastions } from './getBastions';
import { getContainers } from './getContainers';
import { getIngressRules } from './getIngressRules';
import { getLoadBalancer } from './getLoadBalancer';
import { getLoadBalancers } from './getLoadBalancers';
import { getLogs } from './getLogs';
import { getSetting } from './getSetting';
import { getSettings } from './getSettings';
import { getVolume } from './getVolume';
import { getVolumes } from './getVolumes';
import { power } from './power';
import { resize } from './resize';
import { scale } from './scale';
import { update } from './update';

export const containerService: Resource = {
	displayName: 'Container Service',
	value: 'containerService',
	defaultOperation: 'getAll',
	operations: [
		remove,
		get,
		getAll,
		getBastion,
		getBastions,
		getContainers,
		getIngressRules,
		getLoadBalancer,
		getLoadBalancers,
		getLogs,
		getSetting,
		getSettings,
		getVolume,
		getVolumes,
		power,
		resize,
		scale,
		update,
	],
};
