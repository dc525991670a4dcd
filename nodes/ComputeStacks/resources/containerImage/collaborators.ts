import type { IDataObject } from 'n8n-workflow';

import type { Field, Operation } from '../../../shared/types';
import { collaboratorId } from './fields';

/**
 * One collaboration as app/views/api/collaborations/show.rabl renders it, `{collaboration,
 * resource_owner, collaborator}`, as one record: the collaboration with its owner and collaborator.
 */
export function collaborationRecord(body: IDataObject): IDataObject {
	const collaboration = body.collaboration;
	if (!collaboration || typeof collaboration !== 'object' || Array.isArray(collaboration))
		return body;
	return {
		...(collaboration as IDataObject),
		resource_owner: body.resource_owner,
		collaborator: body.collaborator,
	};
}

/**
 * Get Collaborators, Get Collaborator, Invite Collaborator and Remove Collaborator of an object
 * shared with other users (image and registry collaborator controllers: index renders
 * collaborations/index_type.rabl `{collaborators: [...]}`, not paginated; show and create render
 * collaborations/show.rabl, create with 201; invite wraps `{collaborator: {user_email}}`; destroy
 * answers 202 with no body). Only the object's owner (or an administrator) may use them.
 */
export function collaboratorOperations(options: {
	/** The object, e.g. "container image". */
	noun: string;
	/** The collection path, e.g. "/container_images/{imageId}/collaborators". */
	path: string;
	/** The field that names the object (a placeholder of `path`). */
	parent: Field;
	/** What the API answers to someone who is not the owner. */
	notOwner: string;
}): Operation[] {
	const { noun, path, parent } = options;
	const one = `${path}/{collaboratorId}`;
	return [
		{
			name: 'Get Collaborators',
			value: 'getCollaborators',
			action: `Get collaborators of a ${noun}`,
			description: `List the users a ${noun} is shared with (owner only; ${options.notOwner})`,
			method: 'GET',
			path,
			list: {},
			listKey: 'collaborators',
			fields: [parent],
		},
		{
			name: 'Get Collaborator',
			value: 'getCollaborator',
			action: `Get a collaborator of a ${noun}`,
			method: 'GET',
			path: one,
			map: collaborationRecord,
			fields: [parent, collaboratorId],
		},
		{
			name: 'Invite Collaborator',
			value: 'inviteCollaborator',
			action: `Invite a collaborator to a ${noun}`,
			description: `Share a ${noun} with another user of the portal, who accepts the invitation under Collaborations`,
			method: 'POST',
			path,
			wrap: 'collaborator',
			map: collaborationRecord,
			fields: [
				parent,
				{
					displayName: 'Email',
					name: 'userEmail',
					type: 'string',
					default: '',
					required: true,
					placeholder: 'name@email.com',
					description: 'The email address of the user to invite',
				},
			],
		},
		{
			name: 'Remove Collaborator',
			value: 'removeCollaborator',
			action: `Remove a collaborator from a ${noun}`,
			method: 'DELETE',
			path: one,
			deleted: true,
			fields: [parent, collaboratorId],
		},
	];
}
