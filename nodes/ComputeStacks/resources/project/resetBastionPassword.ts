import type { IDataObject } from 'n8n-workflow';

import type { Completion, Operation } from '../../../shared/types';
import { eventCompletion, projectEvents } from '../../shared/wait';
import { bastionId, projectLocator } from './fields';

/**
 * The bastion is rebuilt with its new password: PowerCycleContainerService(bastion, 'rebuild')
 * logs a `container.rebuild` event (code 14bbe1dc184afba0) on the project
 * (app/controllers/api/projects/bastions/reset_password_controller.rb). The output keeps the
 * bastion of the response, which alone holds the new password, and adds the finished event.
 */
const rebuild = eventCompletion({
	what: 'rebuilding the bastion',
	source: projectEvents(),
	codes: ['14bbe1dc184afba0'],
});

const rebuilt: Completion = {
	until: rebuild.until,
	async follow(context) {
		const event = await rebuild.follow(context);
		const bastion = (context.body as IDataObject | undefined)?.bastion;
		return { ...(bastion && typeof bastion === 'object' ? bastion : {}), event_log: event };
	},
};

/**
 * POST /api/projects/{project_id}/bastions/{bastion_id}/reset_password: 202 with the bastion and
 * its new password (app/views/api/bastions/show.rabl); the container is rebuilt in the background.
 */
export const resetBastionPassword: Operation = {
	name: 'Reset Bastion Password',
	value: 'resetBastionPassword',
	action: 'Reset the password of a bastion',
	description:
		'Give a bastion a new random SFTP password; the output holds it. The bastion container is rebuilt in the background.',
	method: 'POST',
	path: '/projects/{projectId}/bastions/{bastionId}/reset_password',
	sendsBody: false,
	recordKey: 'bastion',
	fields: [projectLocator, bastionId],
	wait: rebuilt,
};
