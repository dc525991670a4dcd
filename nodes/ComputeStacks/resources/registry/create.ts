import type { Operation } from '../../../shared/types';
import { registryLabel } from './fields';
import { registryCompletion } from './wait';

/**
 * POST /api/container_registry with `{container_registry: {label}}`: 201 with the registry
 * (status `new`), deployed in the background by ProvisionRegistryWorker; a refused label answers
 * 400 `{"errors": {field: [...]}}` (app/controllers/api/container_registry_controller.rb#create).
 */
export const create: Operation = {
	name: 'Create',
	value: 'create',
	action: 'Create a container registry',
	description: 'Create a private container registry (deployed in the background)',
	method: 'POST',
	path: '/container_registry',
	wrap: 'container_registry',
	recordKey: 'container_registry',
	fields: [registryLabel],
	wait: registryCompletion,
};
