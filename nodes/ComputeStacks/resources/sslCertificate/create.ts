import type { IDataObject } from 'n8n-workflow';

import type { Operation } from '../../../shared/types';
import { collection } from '../../shared/descriptions';
import { serviceLocator } from '../containerService/fields';

/**
 * POST /api/container_services/{id}/ssl with `{certificate: {crt, pkey, ca}}`: 201 with an empty
 * `{}`; invalid certificates are 400 `{errors: {field: [...]}}`
 * (app/controllers/api/container_services/ssl_controller.rb#create).
 */
export const create: Operation = {
	name: 'Create',
	value: 'create',
	action: 'Create an SSL certificate',
	description:
		'Upload a custom SSL certificate for a container service. ComputeStacks answers without the certificate; Get Many lists it.',
	method: 'POST',
	path: '/container_services/{serviceId}/ssl',
	wrap: 'certificate',
	map: (record: IDataObject) => (Object.keys(record).length ? record : { success: true }),
	fields: [
		serviceLocator,
		{
			displayName: 'Certificate',
			name: 'crt',
			type: 'string',
			typeOptions: { rows: 5 },
			default: '',
			required: true,
			placeholder: '-----BEGIN CERTIFICATE-----',
			description: 'The certificate, PEM encoded',
		},
		{
			displayName: 'Private Key',
			name: 'pkey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The certificate’s private key, PEM encoded',
		},
		collection('Additional Fields', 'additionalFields', [
			{
				displayName: 'CA Chain',
				name: 'ca',
				type: 'string',
				typeOptions: { rows: 5 },
				default: '',
				description: 'The intermediate certificates, PEM encoded',
			},
		]),
	],
};
