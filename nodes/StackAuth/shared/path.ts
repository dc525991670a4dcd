import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** Display names of the parameters that fill `{placeholders}` in operation URLs. */
export const PATH_PARAMETER_LABELS: Record<string, string> = {
	categoryId: 'Notification Category ID',
	contactChannelId: 'Contact Channel ID',
	customerId: 'Customer ID',
	customerType: 'Customer Type',
	emailId: 'Email ID',
	invitationId: 'Invitation ID',
	itemId: 'Item ID',
	keyId: 'API Key ID',
	permissionId: 'Permission ID',
	providerId: 'Provider ID',
	sessionId: 'Session ID',
	storeId: 'Store ID',
	teamId: 'Team',
	userId: 'User',
};

/**
 * Reads one path parameter and returns it percent-encoded. An empty value, or `.`/`..` (which
 * a URL parser would resolve into another endpoint), is refused before any request is sent.
 */
export function pathSegment(this: IExecuteSingleFunctions, name: string): string {
	const label = PATH_PARAMETER_LABELS[name] ?? name;
	const itemIndex = this.getItemIndex();
	const raw = this.getNodeParameter(name, undefined, { extractValue: true }) as unknown;
	const value = raw === undefined || raw === null ? '' : String(raw).trim();
	if (value === '') {
		throw new NodeOperationError(
			this.getNode(),
			`The '${label}' parameter is empty [item ${itemIndex}]`,
			{
				itemIndex,
				description: `Enter a value for '${label}', or check that the expression resolves to a non-empty value for this item.`,
			},
		);
	}
	if (value === '.' || value === '..') {
		throw new NodeOperationError(
			this.getNode(),
			`The '${label}' parameter '${value}' is not a valid ID [item ${itemIndex}]`,
			{
				itemIndex,
				description: `'${label}' must be an ID, not a relative path segment.`,
			},
		);
	}
	return encodeURIComponent(value);
}

/**
 * preSend: replaces each `{parameterName}` in the URL with that parameter's encoded value, so
 * an ID containing `/`, `?`, `#` or `..` can never change which endpoint is called.
 */
export async function resolvePath(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const url = requestOptions.url ?? '';
	if (!url.includes('{')) return requestOptions;
	requestOptions.url = url.replace(/\{(\w+)\}/g, (_match, name: string) =>
		pathSegment.call(this, name),
	);
	return requestOptions;
}
