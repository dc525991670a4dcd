import type { Resource } from '../../shared/types';

export const imagesResources: Resource[] = [];
