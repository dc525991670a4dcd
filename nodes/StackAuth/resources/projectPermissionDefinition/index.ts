import { permissionDefinitionDescription } from '../permissionDefinition';

export const projectPermissionDefinitionDescription = permissionDefinitionDescription('project');
