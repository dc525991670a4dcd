import type { Operation } from '../../../shared/types';
import { eventCompletion, serviceEvents } from '../../shared/wait';
import { serviceLocator } from './fields';

/**
 * POST /api/container_services/{id}/resize with `{container_service: {product_id}}`: 202 `{}`,
 * event `service.resizing` and ResizeServiceWorker; nothing is queued when the product's package
 * is the current one; an unknown product is 422 "Missing package id"
 * (app/controllers/api/container_services/resize_controller.rb).
 */
export const resize: Operation = {
	name: 'Resize',
	value: 'resize',
	action: 'Resize a container service',
	description: 'Move the containers of a service to another package (CPU, memory, storage)',
	method: 'POST',
	path: '/container_services/{serviceId}/resize',
	wrap: 'container_service',
	fields: [
		serviceLocator,
		{
			displayName: 'Product Name or ID',
			name: 'productId',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getProducts' },
			default: '',
			required: true,
			description:
				'The package to move to. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
	],
	wait: eventCompletion({
		what: 'resizing the container service',
		source: serviceEvents(),
		codes: ['fdfcc55ffebd0424'],
	}),
};
