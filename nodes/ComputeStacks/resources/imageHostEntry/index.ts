import type { Resource } from '../../../shared/types';
import { imageChildResource } from '../containerImage/children';

/**
 * Custom /etc/hosts entries of a container image, under /custom_host_entries and wrapped as
 * `{host_entry: {hostname, source_image_id}}`; the list root is `host_entries`
 * (app/controllers/api/container_images/custom_host_entries_controller.rb#entry_params,
 * app/views/api/container_images/custom_host_entries/index.rabl). The entry points the hostname at
 * the service of the source image in the same project (app/models/container_image/custom_host_entry.rb).
 */
export const imageHostEntry: Resource = imageChildResource({
	displayName: 'Image Host Entry',
	value: 'imageHostEntry',
	noun: 'host entry',
	plural: 'host entries',
	segment: 'custom_host_entries',
	wrap: 'host_entry',
	listKey: 'host_entries',
	id: { name: 'hostEntryId', displayName: 'Host Entry ID' },
	createDescription:
		'Add an /etc/hosts entry to a container image you own, pointing at the service of another image',
	required: [
		{
			displayName: 'Hostname',
			name: 'hostname',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. db.internal',
			description: 'The hostname the containers resolve',
		},
		{
			displayName: 'Source Image ID',
			name: 'sourceImageId',
			type: 'string',
			default: '',
			required: true,
			description: 'The container image whose service the hostname points at',
		},
	],
	optional: [],
});
