import type { Field } from '../../../shared/types';
import { idField } from '../../shared/descriptions';

/**
 * An image variant (a tag of the image, what orders deploy), `{image_variant: {...}}`
 * (app/controllers/api/container_images/image_variants_controller.rb#variant_params). There is
 * no list or show route: variants are embedded in the image (Container Image → Get).
 */
export const variantId = idField(
	'Variant ID',
	'variantId',
	'The ID of the variant, from image_variants of Container Image → Get',
);

export const registryImageTag: Field = {
	displayName: 'Registry Image Tag',
	name: 'registryImageTag',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 1.27',
	description: 'The tag of the image in its registry',
};

export const variantFields: Field[] = [
	{
		displayName: 'After Migrate',
		name: 'afterMigrate',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		description: 'A command run in the container after it moves to this variant',
	},
	{
		displayName: 'Before Migrate',
		name: 'beforeMigrate',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		description: 'A command run in the container before it moves to this variant',
	},
	{
		displayName: 'Default',
		name: 'isDefault',
		type: 'boolean',
		default: false,
		description: 'Whether this is the variant orders deploy by default',
	},
	{
		displayName: 'Label',
		name: 'label',
		type: 'string',
		default: '',
		description: 'The name of the variant; the tag when empty',
	},
	{
		displayName: 'Rollback Migrate',
		name: 'rollbackMigrate',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		description: 'A command run in the container when a migration fails',
	},
	{
		displayName: 'Version',
		name: 'version',
		type: 'number',
		default: 0,
		description: 'Sorts the variants in the order form’s list',
	},
];
