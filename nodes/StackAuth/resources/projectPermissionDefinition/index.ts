import { permissionDefinitionResource } from '../../shared/permissionDefinition';

export const projectPermissionDefinition = permissionDefinitionResource('project');
