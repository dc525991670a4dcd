import type { Field } from '../../../shared/types';
import { locator } from '../../shared/descriptions';

/**
 * The keys Simplify keeps of a container image
 * (app/views/api/container_images/_container_image.rabl).
 */
export const SIMPLE_IMAGE = [
	'id',
	'label',
	'role',
	'category',
	'registry_image_path',
	'active',
	'system_image',
	'created_at',
];

export const imageLocator = locator('image');

/** A JSON array, parsed before any request; anything else names the field and what it needs. */
export function jsonArrayField(
	displayName: string,
	name: string,
	description: string,
	example: string,
): Field {
	return {
		displayName,
		name,
		type: 'json',
		default: '[]',
		description,
		parse: 'json',
		value: (value) => {
			if (value === undefined) return undefined;
			if (!Array.isArray(value)) throw new Error(`must be a JSON array, such as ${example}`);
			return value;
		},
	};
}

/** The collaborator a collaborator operation acts on (its numeric `id` in Get Collaborators). */
export const collaboratorId: Field = {
	displayName: 'Collaborator ID',
	name: 'collaboratorId',
	type: 'string',
	default: '',
	required: true,
	description: 'The ID of the collaboration, as Get Collaborators returns it',
};

/** Required by the model on create, optional on update (app/models/container_image.rb validations). */
export const imageLabel: Field = {
	displayName: 'Label',
	name: 'label',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. My App',
	description: 'The name of the image on the order form',
};

export const registryImagePath: Field = {
	displayName: 'Registry Image Path',
	name: 'registryImagePath',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. library/nginx',
	description: 'The image’s path in its registry, without the tag',
};

export const imageRole: Field = {
	displayName: 'Role',
	name: 'role',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. nginx',
	description: 'A short name of what the image runs, used in the names of its variables',
};

export const imageCategory: Field = {
	displayName: 'Category',
	name: 'category',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. web',
	description: 'Groups the image on the order form (stored in lower case)',
};

/**
 * Optional scalars both `image_params` and `update_image_params` permit
 * (app/controllers/api/container_images_controller.rb), and the four the admin variants add.
 */
export const imageScalarFields: Field[] = [
	{
		displayName: 'Active',
		name: 'active',
		type: 'boolean',
		default: true,
		description:
			'Whether the image is offered on the order form (existing containers are not affected)',
	},
	{
		displayName: 'Can Scale',
		name: 'canScale',
		type: 'boolean',
		default: false,
		description: 'Whether services of the image may run more than one container',
	},
	{
		displayName: 'Command',
		name: 'command',
		type: 'string',
		default: '',
		description: 'The command the container runs on start, instead of the image’s own',
	},
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
	},
	{
		displayName: 'Free (Administrators)',
		name: 'isFree',
		type: 'boolean',
		default: false,
		description:
			'Whether the image is deployed without a package; only administrators may set it, ComputeStacks ignores it for other accounts',
	},
	{
		displayName: 'Image Provider ID',
		name: 'containerImageProviderId',
		type: 'string',
		default: '',
		description:
			'The registry the image is pulled from (Image Provider → Get Many); empty for a custom registry',
	},
	{
		displayName: 'Minimum CPU',
		name: 'minCpu',
		type: 'number',
		default: 0,
		typeOptions: { minValue: 0, numberPrecision: 2 },
		description: 'The fewest CPU cores a package must have to run the image',
	},
	{
		displayName: 'Minimum Memory (MB)',
		name: 'minMemory',
		type: 'number',
		default: 0,
		typeOptions: { minValue: 0 },
		description: 'The least memory a package must have to run the image',
	},
	{
		displayName: 'Override Autoremove (Administrators)',
		name: 'overrideAutoremove',
		type: 'boolean',
		default: false,
		description:
			'Whether containers of the image are kept when they stop; only administrators may set it',
	},
	{
		displayName: 'Product ID (Administrators)',
		name: 'productId',
		type: 'string',
		default: '',
		description: 'The image product billed for the image; only administrators may set it',
	},
	{
		displayName: 'Registry Authentication',
		name: 'registryAuth',
		type: 'boolean',
		default: false,
		description: 'Whether pulling the image needs a login',
	},
	{
		displayName: 'Custom Registry',
		name: 'registryCustom',
		type: 'string',
		default: '',
		placeholder: 'e.g. registry.example.com',
		description: 'The host of the registry, for an image without an Image Provider',
	},
	{
		displayName: 'SHM Size (Administrators)',
		name: 'shmSize',
		type: 'number',
		default: 0,
		typeOptions: { minValue: 0 },
		description:
			'Overrides Docker’s default shared memory size (bytes); only administrators may set it',
	},
	{
		displayName: 'Tags',
		name: 'tagList',
		type: 'string',
		default: '',
		placeholder: 'e.g. cms, php',
		description: 'Comma-separated tags of the image',
	},
];
