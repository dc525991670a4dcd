import type { Resource } from '../../../shared/types';
import { imageChildResource } from '../containerImage/children';

/**
 * Images a container image requires, deployed with it, `{image_relationship:
 * {requires_container_id, default_variant_id}}`
 * (app/controllers/api/container_images/image_relationships_controller.rb#rel_params; the
 * variant must belong to the required image, app/models/container_image/image_rel.rb).
 */
export const imageRelationship: Resource = imageChildResource({
	displayName: 'Image Relationship',
	value: 'imageRelationship',
	noun: 'image relationship',
	segment: 'image_relationships',
	wrap: 'image_relationship',
	listKey: 'image_relationships',
	id: { name: 'relationshipId', displayName: 'Relationship ID' },
	createDescription: 'Make a container image you own require another image',
	required: [
		{
			displayName: 'Required Image ID',
			name: 'requiresContainerId',
			type: 'string',
			default: '',
			required: true,
			description: 'The ID of the container image that is deployed with this one',
		},
	],
	optional: [
		{
			displayName: 'Default Variant ID',
			name: 'defaultVariantId',
			type: 'string',
			default: '',
			description:
				'The variant (tag) of the required image to deploy, instead of its default variant',
		},
	],
});
