import type { Operation } from '../../../shared/types';
import { imageLocator } from './fields';

/**
 * DELETE /api/container_images/{id}: 202 `{}`. ComputeStacks refuses to delete an image that
 * services still use with 500 and a single string, `{"errors": "Unable to delete container
 * image..."}` (app/controllers/api/container_images_controller.rb#destroy).
 */
export const remove: Operation = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a container image',
	description: 'Delete a container image that no service uses',
	method: 'DELETE',
	path: '/container_images/{imageId}',
	deleted: true,
	fields: [imageLocator],
};
