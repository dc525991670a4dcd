import type { IDataObject } from 'n8n-workflow';

import type { Field, Operation } from '../../../shared/types';
import { collection } from '../../shared/descriptions';
import { orderCompletion } from '../../shared/wait';

/** A params object `{"KEY": "value"}` as the order's `[{key, value}]` list. */
function paramList(value: unknown): unknown {
	if (value === undefined || value === null || value === '') return undefined;
	if (typeof value !== 'object' || Array.isArray(value))
		throw new Error(
			'must be a JSON object of parameter names and values, such as {"WORDPRESS_TITLE": "Blog"}',
		);
	const entries = Object.entries(value as IDataObject);
	return entries.length
		? entries.map(([key, v]) => ({ key, value: typeof v === 'string' ? v : JSON.stringify(v) }))
		: undefined;
}

const invalid = Symbol('invalid');

function parseJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return invalid;
	}
}

/**
 * The containers of the form as `order.containers` (app/controllers/api/orders_controller.rb
 * #new_deployment_params). That permit list has no `source`, so a clone source would be dropped
 * silently (BuildOrderService reads one, but it never arrives); the form does not offer it.
 */
export function containersValue(value: unknown): unknown {
	const entries = ((value as IDataObject | undefined)?.container ?? []) as IDataObject[];
	if (!entries.length) throw new Error('needs at least one container');
	return entries.map((entry, index) => {
		const variant = String(entry.imageVariantId ?? '').trim();
		if (!variant) throw new Error(`has no Image Variant in container ${index + 1}`);
		const container: IDataObject = { image_variant_id: variant };
		if (entry.name) container.name = entry.name;
		if (entry.productId) container.resources = { product_id: String(entry.productId) };
		let params: unknown = entry.params;
		if (typeof params === 'string') {
			if (params.trim() === '' || params.trim() === '{}') params = undefined;
			else {
				const parsed = parseJson(params);
				if (parsed === invalid)
					throw new Error(`has Parameters that are not valid JSON in container ${index + 1}`);
				params = parsed;
			}
		}
		const list = paramList(params);
		if (list) container.params = list;
		const domains = String(entry.domains ?? '')
			.split(',')
			.map((d) => d.trim())
			.filter(Boolean);
		if (domains.length) container.domains = domains;
		return container;
	});
}

const containers: Field = {
	displayName: 'Containers',
	name: 'containers',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	default: {},
	required: true,
	placeholder: 'Add Container',
	description: 'The container services to deploy, one per image',
	api: 'order.containers',
	value: containersValue,
	options: [
		{
			displayName: 'Container',
			name: 'container',
			values: [
				{
					displayName: 'Domains',
					name: 'domains',
					type: 'string',
					default: '',
					placeholder: 'e.g. blog.example.com',
					description: 'Comma-separated domains to attach to the service',
				},
				{
					displayName: 'Image Variant Name or ID',
					name: 'imageVariantId',
					type: 'options',
					typeOptions: { loadOptionsMethod: 'getImageVariants' },
					default: '',
					description:
						'The image and tag to deploy. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
				},
				{
					displayName: 'Name',
					name: 'name',
					type: 'string',
					default: '',
					description: 'The name of the container service; ComputeStacks picks one when empty',
				},
				{
					displayName: 'Parameters',
					name: 'params',
					type: 'json',
					default: '{}',
					description:
						'A JSON object of values for the image’s parameters, e.g. {"WORDPRESS_TITLE": "Blog"}',
				},
				{
					displayName: 'Product Name or ID',
					name: 'productId',
					type: 'options',
					typeOptions: { loadOptionsMethod: 'getProducts' },
					default: '',
					description:
						'The package (CPU, memory, storage) of the service; required unless the image is free. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
				},
			],
		},
	],
};

/**
 * POST /api/orders: the only way to create projects and services. ComputeStacks answers 201
 * `{order: {id, redirect_url, load_balancer_ip}}` and provisions in the background
 * (ProcessOrderWorker); Wait for Completion polls the order and returns the project.
 */
export const create: Operation = {
	name: 'Create',
	value: 'create',
	action: 'Create an order',
	description: 'Order a new project (or new services in an existing one) from images and products',
	method: 'POST',
	path: '/orders',
	recordKey: 'order',
	fields: [
		{
			displayName: 'Project Name',
			name: 'projectName',
			type: 'string',
			default: '',
			required: true,
			description:
				'The name of the new project (ComputeStacks requires it even when adding to an existing project)',
			api: 'order.project_name',
		},
		containers,
		collection('Additional Fields', 'additionalFields', [
			{
				displayName: 'Add to Project ID',
				name: 'projectId',
				type: 'string',
				default: '',
				description: 'Add the services to this existing project instead of creating one',
				api: 'order.project_id',
			},
			{
				displayName: 'Location Name or ID',
				name: 'locationId',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getLocations' },
				default: '',
				description:
					'Where to deploy; by default the project’s location, else the first one available. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
				api: 'order.location_id',
			},
			{
				displayName: 'Skip SSH',
				name: 'skipSsh',
				type: 'boolean',
				default: false,
				description: 'Whether to skip the SFTP bastion container of a new project',
				api: 'order.skip_ssh',
			},
		]),
	],
	wait: orderCompletion,
};
