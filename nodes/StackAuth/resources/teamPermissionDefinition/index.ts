import { permissionDefinitionResource } from '../../shared/permissionDefinition';

export const teamPermissionDefinition = permissionDefinitionResource('team');
