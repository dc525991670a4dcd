import { permissionDefinitionDescription } from '../permissionDefinition';

export const teamPermissionDefinitionDescription = permissionDefinitionDescription('team');
