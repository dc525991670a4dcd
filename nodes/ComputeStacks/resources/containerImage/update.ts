import type { Operation } from '../../../shared/types';
import { collection } from '../../shared/descriptions';
import { optional } from './children';
import {
	imageCategory,
	imageLabel,
	imageLocator,
	imageRole,
	imageScalarFields,
	registryImagePath,
} from './fields';

/**
 * PATCH /api/container_images/{id} with `{container_image: {...}}`: 202 with the image; owner
 * only, else 404 (app/controllers/api/container_images_controller.rb#update,
 * #update_image_params). docker_init and the nested lists are not permitted on update;
 * registry_image_tag is, but only creating an image turns it into a variant, so variants are
 * changed with Create Variant / Update Variant.
 */
export const update: Operation = {
	name: 'Update',
	value: 'update',
	action: 'Update a container image',
	method: 'PATCH',
	path: '/container_images/{imageId}',
	wrap: 'container_image',
	recordKey: 'container_image',
	fields: [
		imageLocator,
		collection('Update Fields', 'updateFields', [
			...[imageLabel, registryImagePath, imageRole, imageCategory].map(optional),
			...imageScalarFields,
		]),
	],
};
