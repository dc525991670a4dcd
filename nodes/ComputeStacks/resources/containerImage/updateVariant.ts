import type { Operation } from '../../../shared/types';
import { collection } from '../../shared/descriptions';
import { optional } from './children';
import { imageLocator } from './fields';
import { registryImageTag, variantFields, variantId } from './variantFields';

/** PATCH /api/container_images/{id}/image_variants/{vid}: 202 `{image_variant}`. */
export const updateVariant: Operation = {
	name: 'Update Variant',
	value: 'updateVariant',
	action: 'Update a variant of a container image',
	method: 'PATCH',
	path: '/container_images/{imageId}/image_variants/{variantId}',
	wrap: 'image_variant',
	recordKey: 'image_variant',
	fields: [
		imageLocator,
		variantId,
		collection('Update Fields', 'updateFields', [optional(registryImageTag), ...variantFields]),
	],
};
