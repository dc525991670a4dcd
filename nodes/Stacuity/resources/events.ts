import type { Resource } from '../../shared/types';

export const eventsResources: Resource[] = [];
