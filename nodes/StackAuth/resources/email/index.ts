import type { INodeProperties } from 'n8n-workflow';

import { operation, operationPicker, simplifyField } from '../../shared/descriptions';
import { simplifyEmail } from './fields';
import { emailGetDescription } from './get';
import { emailGetAllDescription } from './getAll';
import { emailSendDescription } from './send';
import { emailUpdateDescription } from './update';

export const emailDescription: INodeProperties[] = [
	operationPicker(
		'email',
		[
			operation(
				'Boost Capacity',
				'boostCapacity',
				'Boost email capacity',
				'POST',
				'/emails/capacity-boost',
				{
					description: 'Multiply the email sending capacity by 4 for the next 4 hours',
					body: false,
				},
			),
			operation('Get', 'get', 'Get an email', 'GET', '/emails/outbox/{emailId}', {
				description: 'Get an email from the outbox',
			}),
			operation(
				'Get Delivery Info',
				'getDeliveryInfo',
				'Get email delivery info',
				'GET',
				'/emails/delivery-info',
				{
					description: 'Get delivery statistics and the current sending capacity',
				},
			),
			operation('Get Many', 'getAll', 'Get many emails', 'GET', '/emails/outbox', {
				description: 'List the emails in the outbox, newest first',
				paginated: { simplify: simplifyEmail },
			}),
			operation('Send', 'send', 'Send an email', 'POST', '/emails/send-email', {
				description: 'Send an email to users (needs a custom email server)',
			}),
			operation('Update', 'update', 'Update an email', 'PATCH', '/emails/outbox/{emailId}', {
				description: 'Edit, pause, resume or cancel an email that has not been sent yet',
			}),
		],
		'send',
	),
	...emailSendDescription,
	...emailGetDescription,
	...emailGetAllDescription,
	...emailUpdateDescription,
	...simplifyField('email', ['get', 'getAll'], simplifyEmail, ['getAll']),
];
