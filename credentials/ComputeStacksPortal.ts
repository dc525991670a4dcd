import type { INodeProperties } from 'n8n-workflow';

/**
 * The portal origin from an expression of the URL as entered: trimmed, without trailing slashes
 * or a trailing /api (the API lives under {origin}/api).
 */
export const portalOrigin = (url: string): string =>
	`${url}.trim().replace(/\\/+$/, "").replace(/\\/api$/, "")`;

/** The Portal URL of the API key and OAuth2 credentials; `more` says what to do in the portal. */
export function portalUrlProperty(more: string): INodeProperties {
	return {
		displayName: 'Portal URL',
		name: 'portalUrl',
		type: 'string',
		default: '',
		placeholder: 'e.g. https://portal.example.com',
		description: `The origin of your ComputeStacks portal, without /api. ${more}`,
		required: true,
	};
}
