import type { Resource } from '../../shared/types';

export const accountResources: Resource[] = [];
