import type { Resource } from '../../shared/types';
import { eventsResources } from './events';
import { networkResources } from './network';
import { vslice } from './vslice';

/** Every resource of the Stacuity node. */
export const resources: Resource[] = [vslice, ...networkResources, ...eventsResources];
