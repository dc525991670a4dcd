import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { sendField, show } from '../../shared/descriptions';

/** The permission of a grant or revoke (a path parameter). */
export function permissionIdField(displayOptions: IDisplayOptions): INodeProperties {
	return {
		displayName: 'Permission ID',
		name: 'permissionId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. read_secret_info',
		description: 'The ID of a permission defined in the Stack Auth dashboard',
		displayOptions,
	};
}

/** Permission ID and Recursive filters of a permission list. */
export function permissionFilters(resource: string): INodeProperties {
	return {
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: show(resource, 'getAll'),
		options: [
			sendField(
				{
					displayName: 'Permission ID',
					name: 'permissionId',
					type: 'string',
					default: '',
					placeholder: 'e.g. read_secret_info',
					description: 'Only grants of this permission',
				},
				'permission_id',
				'query',
			),
			sendField(
				{
					displayName: 'Recursive',
					name: 'recursive',
					type: 'boolean',
					default: false,
					description: 'Whether to also list the permissions contained in the granted ones',
				},
				'recursive',
				'query',
			),
		],
	};
}
