import type { Operation } from '../../../shared/types';

/**
 * GET /endpoints/{endpointId}/keyvalues: the endpoint's key/value store, one item per entry.
 * Seen only in third-party code, which reads `.value` of each row of `data`
 * (github.com/PockyBum522/pockybum522-hackathons 2023-TadHack, Program.cs).
 */
export const getKeyValues: Operation = {
	name: 'Get Key Values',
	value: 'getKeyValues',
	action: 'Get the key values of an endpoint',
	description:
		'Read the values the endpoint (SIM) stored over the Edge API, one item per key (the key field of each row is inferred)',
	method: 'GET',
	path: '/endpoints/{endpointId}/keyvalues',
	list: {},
	listKey: 'data',
	fields: [
		{
			displayName: 'Endpoint ID',
			name: 'endpointId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. 3f1c2a4b-5d6e-4f70-8a9b-0c1d2e3f4a5b',
			description: 'The ID (GUID) of the endpoint (SIM)',
		},
	],
};
