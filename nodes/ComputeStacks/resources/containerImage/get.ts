import type { Operation } from '../../../shared/types';
import { imageLocator, SIMPLE_IMAGE } from './fields';

export const get: Operation = {
	name: 'Get',
	value: 'get',
	action: 'Get a container image',
	description: 'Get a container image with its parameters, volumes and variants',
	method: 'GET',
	path: '/container_images/{imageId}',
	recordKey: 'container_image',
	simplify: SIMPLE_IMAGE,
	fields: [imageLocator],
};
