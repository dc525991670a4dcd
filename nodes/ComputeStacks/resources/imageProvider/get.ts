import type { Operation } from '../../../shared/types';
import { idField } from '../../shared/descriptions';

/**
 * GET /api/container_image_providers/{id} (app/controllers/api/container_image_providers_controller.rb#show).
 * The controller loads the provider with `where`, which is never nil, so its RABL partial may
 * render a list; such a list becomes one item per provider.
 */
export const get: Operation = {
	name: 'Get',
	value: 'get',
	action: 'Get an image provider',
	method: 'GET',
	path: '/container_image_providers/{providerId}',
	recordKey: 'container_image_provider',
	fields: [
		idField(
			'Image Provider ID',
			'providerId',
			'The ID of the image provider, as Get Many returns it',
		),
	],
};
