import { pick } from '../../shared/descriptions';

export const simplifyTeam = pick(['id', 'display_name', 'profile_image_url', 'created_at_millis']);
