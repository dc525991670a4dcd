import type { Resource } from '../../shared/types';

export const networkResources: Resource[] = [];
