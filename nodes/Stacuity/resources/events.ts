import type { Resource } from '../../shared/types';
import { apiToken } from './apiToken';
import { endpoint } from './endpoint';
import { eventHandler } from './eventHandler';
import { eventMap } from './eventMap';
import { operatorPolicy } from './operatorPolicy';
import { regionalPolicy } from './regionalPolicy';

/** Operator and regional policies, event handlers and maps, endpoints' key values, the API token. */
export const eventsResources: Resource[] = [
	operatorPolicy,
	regionalPolicy,
	eventHandler,
	eventMap,
	endpoint,
	apiToken,
];
