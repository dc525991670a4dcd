/** The fields Simplify keeps (apps/backend/src/app/api/latest/teams/crud.tsx: the team read shape). */
export const SIMPLE_TEAM = ['id', 'display_name', 'profile_image_url', 'created_at_millis'];
