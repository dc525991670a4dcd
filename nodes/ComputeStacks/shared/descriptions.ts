import { resourceLocator, type LocatorOptions } from '../../shared/fields';
import type { Field } from '../../shared/types';

export { byDisplayName, collection, jsonField } from '../../shared/fields';

/** The objects that have a resource locator: their noun, list search and portal page. */
const KINDS = {
	project: { noun: 'project', search: 'searchProjects', page: 'deployments' },
	service: { noun: 'container service', search: 'searchServices', page: 'container_services' },
	container: { noun: 'container', search: 'searchContainers', page: 'containers' },
	image: { noun: 'container image', search: 'searchImages', page: 'container_images' },
	volume: { noun: 'volume', search: 'searchVolumes', page: 'volumes' },
	domain: { noun: 'domain', search: 'searchDomains', page: 'container_domains' },
} as const;

export type LocatorKind = keyof typeof KINDS;

function titleCase(text: string): string {
	return text.replace(/\b\w/g, (c) => c.toUpperCase());
}

/**
 * A resource locator for a project, service, container, image, volume or domain: From List
 * (searchable), By ID, or By URL (the object's page in the portal, e.g. …/deployments/12).
 */
export function locator(kind: LocatorKind, options: LocatorOptions = {}): Field {
	const { noun, search, page } = KINDS[kind];
	return resourceLocator(
		{
			name: `${kind}Id`,
			displayName: titleCase(noun),
			noun,
			searchListMethod: search,
			modes: [
				{
					displayName: 'By ID',
					name: 'id',
					type: 'string',
					placeholder: 'e.g. 12',
					validation: [
						{
							type: 'regex',
							properties: { regex: '^\\s*\\d+\\s*$', errorMessage: `A ${noun} ID is a number` },
						},
					],
				},
				{
					displayName: 'By URL',
					name: 'url',
					type: 'string',
					placeholder: `e.g. https://portal.example.com/${page}/12`,
					extractValue: { type: 'regex', regex: `/${page}/(\\d+)` },
					validation: [
						{
							type: 'regex',
							properties: {
								regex: `^https?://.+/${page}/\\d+`,
								errorMessage: `Paste the URL of a ${noun} page of the portal (…/${page}/<id>)`,
							},
						},
					],
				},
			],
		},
		options,
	);
}

/** A plain required ID field (objects without a page of their own in the portal). */
export function idField(displayName: string, name: string, description: string): Field {
	return {
		displayName,
		name,
		type: 'string',
		default: '',
		required: true,
		description,
	};
}

/**
 * The label of an image's environment or setting parameter: both models set it to the name when
 * it is blank (app/models/container_image/env_param.rb, setting_param.rb: `self.label = self.name
 * if self.label.blank?`).
 */
export const paramLabel: Field = {
	displayName: 'Label',
	name: 'label',
	type: 'string',
	default: '',
	description: 'The name shown in the portal; the Name when empty',
};

/**
 * The `callback` ComputeStacks calls when the background work ends (CallbackService: POST
 * {timestamp, success, data} with the given Authorization header, retried for up to 4 hours).
 */
export const callbackFields: Field[] = [
	{
		displayName: 'Callback URL',
		name: 'callbackUrl',
		type: 'string',
		default: '',
		placeholder: 'e.g. {{ $execution.resumeUrl }}',
		description:
			'ComputeStacks POSTs {timestamp, success, data} here when the work has finished. Use a Wait node set to resume "On Webhook Call" and enter {{ $execution.resumeUrl }} to continue this workflow then.',
		api: 'callback.url',
	},
	{
		displayName: 'Callback Authorization',
		name: 'callbackAuthorization',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		placeholder: 'e.g. Bearer 5f2b…',
		description: 'Sent as the Authorization header of the callback request',
		api: 'callback.authorization',
	},
];
