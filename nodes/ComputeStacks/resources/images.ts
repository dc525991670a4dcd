import type { Resource } from '../../shared/types';
import { containerImage } from './containerImage';
import { imageCollection } from './imageCollection';
import { imageEnvParam } from './imageEnvParam';
import { imageHostEntry } from './imageHostEntry';
import { imageIngressParam } from './imageIngressParam';
import { imageProvider } from './imageProvider';
import { imageRelationship } from './imageRelationship';
import { imageSettingParam } from './imageSettingParam';
import { imageVolumeParam } from './imageVolumeParam';
import { registry } from './registry';

/** Container images with their sub-objects, image collections and providers, and registries. */
export const imagesResources: Resource[] = [
	containerImage,
	imageEnvParam,
	imageSettingParam,
	imageIngressParam,
	imageVolumeParam,
	imageRelationship,
	imageHostEntry,
	imageCollection,
	imageProvider,
	registry,
];
