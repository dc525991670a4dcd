import type { IDataObject } from 'n8n-workflow';

import type { Field } from '../../../shared/types';
import { locator, toWrite } from '../../shared/descriptions';

export const eventHandlerLocator = locator('eventHandler');

/** The keys Simplify keeps of an event handler (stacuity/models/event_handler.go EventHandlerReadItem). */
export const SIMPLE_EVENT_HANDLER = ['id', 'moniker', 'name', 'summaryDescription'];

const WEBHOOK = 'configurationData.webhookConfig';

export const urlField: Field = {
	displayName: 'URL',
	name: 'url',
	type: 'string',
	default: '',
	placeholder: 'e.g. https://example.com/stacuity-events',
	description: 'Where Stacuity POSTs the events, as JSON',
	api: `${WEBHOOK}.url`,
};

export const timeoutField: Field = {
	displayName: 'Timeout (Seconds)',
	name: 'timeout',
	type: 'number',
	default: 5,
	typeOptions: { minValue: 1 },
	description:
		"How long Stacuity waits for the webhook to answer (sent as text, as Stacuity's client sends it; the portal's default is 5)",
	api: `${WEBHOOK}.timeout`,
	value: (value) => String(value),
};

/** The optional webhook settings (models/event_handler.go WebhookConfig). */
export const webhookOptional: Field[] = [
	{
		displayName: 'Bearer Token',
		name: 'bearerToken',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		description: 'Sent to the webhook as Authorization: Bearer &lt;token&gt;',
		api: `${WEBHOOK}.bearerToken`,
	},
	{
		displayName: 'Username',
		name: 'username',
		type: 'string',
		default: '',
		description: 'User name of the Basic authentication sent to the webhook',
		api: `${WEBHOOK}.username`,
	},
	{
		displayName: 'Password',
		name: 'password',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		description: 'Password of the Basic authentication sent to the webhook',
		api: `${WEBHOOK}.password`,
	},
];

/**
 * An event handler as read, as a write body (EventHandlerModifyItem): the endpoint type becomes
 * its moniker, `summaryDescription` is dropped, and a bearer token or password the read leaves
 * empty is not sent back.
 */
export function eventHandlerBody(current: IDataObject): IDataObject {
	const body = toWrite(current);
	delete body.summaryDescription;
	const webhook = (body.configurationData as IDataObject | undefined)?.webhookConfig;
	if (webhook && typeof webhook === 'object') {
		const config = webhook as IDataObject;
		for (const secret of ['bearerToken', 'password'])
			if (typeof config[secret] !== 'string' || config[secret] === '') delete config[secret];
	}
	return body;
}
