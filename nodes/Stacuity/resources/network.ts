import type { Resource } from '../../shared/types';
import { endpointGroup } from './endpointGroup';
import { routingPolicy } from './routingPolicy';
import { routingTarget } from './routingTarget';

export const networkResources: Resource[] = [endpointGroup, routingPolicy, routingTarget];
