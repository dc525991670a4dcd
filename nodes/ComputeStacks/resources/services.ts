import type { Resource } from '../../shared/types';

export const servicesResources: Resource[] = [];
