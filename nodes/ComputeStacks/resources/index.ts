import type { Resource } from '../../shared/types';
import { accountResources } from './account';
import { imagesResources } from './images';
import { infrastructureResources } from './infrastructure';
import { order } from './order';
import { project } from './project';
import { servicesResources } from './services';

/** Every resource of the ComputeStacks node. */
export const resources: Resource[] = [
	order,
	project,
	...servicesResources,
	...imagesResources,
	...infrastructureResources,
	...accountResources,
];
