import type { INodeProperties } from 'n8n-workflow';

import { deletedOutput, itemsOutput, operation, operationPicker } from '../../shared/descriptions';
import { contactChannelCreateDescription } from './create';
import { contactChannelLocatorFields } from './fields';
import { contactChannelGetAllDescription } from './getAll';
import { contactChannelSendVerificationCodeDescription } from './sendVerificationCode';
import { contactChannelUpdateDescription } from './update';
import { contactChannelVerifyDescription } from './verify';

export const contactChannelDescription: INodeProperties[] = [
	operationPicker(
		'contactChannel',
		[
			operation(
				'Check Code',
				'checkCode',
				'Check a contact channel verification code',
				'POST',
				'/contact-channels/verify/check-code',
			),
			operation('Create', 'create', 'Create a contact channel', 'POST', '/contact-channels'),
			operation(
				'Delete',
				'delete',
				'Delete a contact channel',
				'DELETE',
				'/contact-channels/{userId}/{contactChannelId}',
				{
					postReceive: [deletedOutput],
				},
			),
			operation(
				'Get',
				'get',
				'Get a contact channel',
				'GET',
				'/contact-channels/{userId}/{contactChannelId}',
			),
			operation('Get Many', 'getAll', 'Get many contact channels', 'GET', '/contact-channels', {
				postReceive: [itemsOutput],
			}),
			operation(
				'Send Verification Code',
				'sendVerificationCode',
				'Send a contact channel verification code',
				'POST',
				'/contact-channels/{userId}/{contactChannelId}/send-verification-code',
			),
			operation(
				'Update',
				'update',
				'Update a contact channel',
				'PATCH',
				'/contact-channels/{userId}/{contactChannelId}',
			),
			operation(
				'Verify',
				'verify',
				'Verify a contact channel with a code',
				'POST',
				'/contact-channels/verify',
			),
		],
		'getAll',
	),
	...contactChannelLocatorFields,
	...contactChannelCreateDescription,
	...contactChannelGetAllDescription,
	...contactChannelUpdateDescription,
	...contactChannelSendVerificationCodeDescription,
	...contactChannelVerifyDescription,
];
