import type { INodeProperties } from 'n8n-workflow';

import { jsonField, pick, sendField } from '../../shared/descriptions';

export const simplifyTeam = pick(['id', 'display_name', 'profile_image_url', 'created_at_millis']);

export function teamFields(collection: string): INodeProperties[] {
	return [
		jsonField(
			collection,
			'Client Metadata',
			'clientMetadata',
			'client_metadata',
			'Metadata readable and writable by the client',
		),
		jsonField(
			collection,
			'Client Read-Only Metadata',
			'clientReadOnlyMetadata',
			'client_read_only_metadata',
			'Metadata the client can read but not change',
		),
		sendField(
			{ displayName: 'Profile Image URL', name: 'profileImageUrl', type: 'string', default: '' },
			'profile_image_url',
		),
		jsonField(
			collection,
			'Server Metadata',
			'serverMetadata',
			'server_metadata',
			'Metadata only the server can read and write',
		),
	];
}
