/**
 * Sample values for the StackPath nodes' fields, for the contract run: every field filled with a
 * value its spec accepts. JSON fields take their placeholder, which is the example the generator
 * built from the spec's schema (scripts/stackpath/generate.ts); multi-option fields take every
 * value at once, so that each enum value is sent at least once.
 */
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { SAMPLE_UUID, type Sampler } from './operations';

/** An operation name as IPAM writes it (`operations/<id>`): its slash must be percent-encoded. */
export const SAMPLE_OPERATION_NAME = `operations/${SAMPLE_UUID}`;

export const SAMPLE_SLUG = 'my-stack';

export const SAMPLE_DATE = '2024-01-02T03:04:05.000Z';

/** By n8n field name, where a plain string would not do. */
const BY_NAME: Record<string, unknown> = {
	// Off: a waiting run is a variant of its own.
	waitForCompletion: false,
	operationName: SAMPLE_OPERATION_NAME,
	domain: 'example.com',
	hostname: 'www.example.com',
	email: 'ada@example.com',
	url: 'https://example.com/index.html',
	country: 'US',
};

/** Base64 text, for the fields the spec types as bytes (`format: byte`) and says so. */
const BASE64_SAMPLE = Buffer.from('sample').toString('base64');

export const stackPathSampler: Sampler = (prop: INodeProperties) => {
	if (prop.name in BY_NAME) return BY_NAME[prop.name];
	if (prop.type === 'string' && /base64/i.test(prop.description ?? '')) return BASE64_SAMPLE;
	switch (prop.type) {
		case 'resourceLocator':
			return { __rl: true, mode: 'id', value: SAMPLE_UUID };
		case 'json':
			return typeof prop.placeholder === 'string' && prop.placeholder !== ''
				? prop.placeholder
				: prop.default;
		case 'multiOptions':
			return ((prop.options ?? []) as INodePropertyOptions[]).map((option) => option.value);
		case 'dateTime':
			return SAMPLE_DATE;
		default:
			return undefined;
	}
};
