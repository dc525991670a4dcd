import type { Resource } from '../../../shared/types';
import { remove } from './delete';
import { get } from './get';
import { getAll } from './getAll';
import { getBastion } from './getBastion';
import { getBastions } from './getBastions';
import { getCollaborator } from './getCollaborator';
import { getCollaborators } from './getCollaborators';
import { getContainers } from './getContainers';
import { getImages } from './getImages';
import { getServices } from './getServices';
import { getVolume } from './getVolume';
import { getVolumes } from './getVolumes';
import { inviteCollaborator } from './inviteCollaborator';
import { removeCollaborator } from './removeCollaborator';
import { resetBastionPassword } from './resetBastionPassword';
import { update } from './update';

export const project: Resource = {
	displayName: 'Project',
	value: 'project',
	defaultOperation: 'getAll',
	operations: [
		remove,
		get,
		getAll,
		getBastion,
		getBastions,
		getCollaborator,
		getCollaborators,
		getContainers,
		getImages,
		getServices,
		getVolume,
		getVolumes,
		inviteCollaborator,
		removeCollaborator,
		resetBastionPassword,
		update,
	],
};
