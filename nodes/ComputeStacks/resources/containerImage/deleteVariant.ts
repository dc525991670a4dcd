import type { Operation } from '../../../shared/types';
import { imageLocator } from './fields';
import { variantId } from './variantFields';

/**
 * DELETE /api/container_images/{id}/image_variants/{vid}: 202 `{}` (api_obj_destroyed); a
 * variant that cannot go (e.g. the default one) answers 422 with the model's errors.
 */
export const deleteVariant: Operation = {
	name: 'Delete Variant',
	value: 'deleteVariant',
	action: 'Delete a variant of a container image',
	method: 'DELETE',
	path: '/container_images/{imageId}/image_variants/{variantId}',
	deleted: true,
	fields: [imageLocator, variantId],
};
