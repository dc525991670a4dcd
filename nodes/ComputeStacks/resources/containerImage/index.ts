import type { Resource } from '../../../shared/types';
import { collaboratorOperations } from './collaborators';
import { create } from './create';
import { createVariant } from './createVariant';
import { remove } from './delete';
import { deleteVariant } from './deleteVariant';
import { imageLocator } from './fields';
import { get } from './get';
import { getAll } from './getAll';
import { update } from './update';
import { updateVariant } from './updateVariant';

export const containerImage: Resource = {
	displayName: 'Container Image',
	value: 'containerImage',
	defaultOperation: 'getAll',
	operations: [
		create,
		createVariant,
		remove,
		deleteVariant,
		get,
		getAll,
		update,
		updateVariant,
		// app/controllers/api/container_images/collaborators_controller.rb: verify_admin answers
		// 401 with no body to anyone but the image's owner
		...collaboratorOperations({
			noun: 'container image',
			path: '/container_images/{imageId}/collaborators',
			parent: imageLocator,
			notOwner: 'others get HTTP 401',
		}),
	],
};
