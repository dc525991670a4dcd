import type { Resource } from '../../shared/types';

export const infrastructureResources: Resource[] = [];
