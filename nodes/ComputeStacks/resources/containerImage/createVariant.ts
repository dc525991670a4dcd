import type { Operation } from '../../../shared/types';
import { collection } from '../../shared/descriptions';
import { imageLocator } from './fields';
import { registryImageTag, variantFields } from './variantFields';

/** POST /api/container_images/{id}/image_variants: 201 `{image_variant}`; owner only, else 404. */
export const createVariant: Operation = {
	name: 'Create Variant',
	value: 'createVariant',
	action: 'Create a variant of a container image',
	description: 'Add a tag of the image that orders can deploy',
	method: 'POST',
	path: '/container_images/{imageId}/image_variants',
	wrap: 'image_variant',
	recordKey: 'image_variant',
	fields: [
		imageLocator,
		registryImageTag,
		collection('Additional Fields', 'additionalFields', variantFields),
	],
};
