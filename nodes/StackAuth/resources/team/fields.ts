import type { INodeProperties } from 'n8n-workflow';

import { pick, profileFields } from '../../shared/descriptions';

export const simplifyTeam = pick(['id', 'display_name', 'profile_image_url', 'created_at_millis']);

export function teamFields(collection: string): INodeProperties[] {
	return profileFields(collection);
}
