import type { INodePropertyOptions } from 'n8n-workflow';

/** The events Stack Auth sends: the ten of its webhook spec, and the two project-permission events its backend also sends. */
export const EVENTS: INodePropertyOptions[] = [
	{ name: 'All Events', value: '*', description: 'Every event Stack Auth sends' },
	{
		name: 'Project Permission Created',
		value: 'project_permission.created',
		description: 'A user was granted a project permission',
	},
	{
		name: 'Project Permission Deleted',
		value: 'project_permission.deleted',
		description: 'A project permission was revoked from a user',
	},
	{ name: 'Team Created', value: 'team.created' },
	{ name: 'Team Deleted', value: 'team.deleted' },
	{
		name: 'Team Membership Created',
		value: 'team_membership.created',
		description: 'A user joined a team',
	},
	{
		name: 'Team Membership Deleted',
		value: 'team_membership.deleted',
		description: 'A user left a team',
	},
	{
		name: 'Team Permission Created',
		value: 'team_permission.created',
		description: 'A user was granted a team permission',
	},
	{
		name: 'Team Permission Deleted',
		value: 'team_permission.deleted',
		description: 'A team permission was revoked from a user',
	},
	{ name: 'Team Updated', value: 'team.updated' },
	{ name: 'User Created', value: 'user.created' },
	{ name: 'User Deleted', value: 'user.deleted' },
	{ name: 'User Updated', value: 'user.updated' },
];
