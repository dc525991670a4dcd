import type {
	ICredentialDataDecryptedObject,
	INodeCredentialDescription,
	INodeProperties,
} from 'n8n-workflow';

import { gatewayUrl } from '../../../credentials/StackPathApi.credentials';
import { relayStrategy } from '../../shared/strategies';
import type { Provider } from '../../shared/types';
import { retryAfterOf, stackPathError } from './errors';

/** The credential whose token the pack fetches (preAuthentication). */
export const STACKPATH_CREDENTIAL_TYPE = 'stackPathApi';
/** The same client ID and secret, with the token fetched and refreshed by n8n's OAuth2 support. */
export const STACKPATH_CLIENT_GRANT_TYPE = 'stackPathOAuth2Api';

/** The credentials of every StackPath node, one shown per Authentication choice. */
export const stackPathCredentials: INodeCredentialDescription[] = [
	STACKPATH_CREDENTIAL_TYPE,
	STACKPATH_CLIENT_GRANT_TYPE,
].map((name) => ({ name, required: true, displayOptions: { show: { authentication: [name] } } }));

/** The Authentication choice of every StackPath node; existing nodes keep the pack's own token. */
export const authenticationProperty: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	options: [
		{
			name: 'Client ID and Secret',
			value: STACKPATH_CREDENTIAL_TYPE,
			description: 'The token is fetched by the node and kept with the credential',
		},
		{
			name: 'OAuth2 (Client Credentials)',
			value: STACKPATH_CLIENT_GRANT_TYPE,
			description:
				"The same client ID and secret; n8n's OAuth2 support fetches and refreshes the token, once for all queue-mode workers",
		},
	],
	default: STACKPATH_CREDENTIAL_TYPE,
};

/**
 * The page size of lists. StackPath documents no default and no maximum for
 * `page_request.first`; 50 is what StackPath's own Terraform provider asks for
 * (stackpath/resource_stackpath_compute_workload.go), the one size known to have worked
 * against the real API. A Limit below it asks for just that many.
 */
export const PAGE_SIZE = 50;

export const stackPath: Provider = {
	displayName: 'StackPath',
	credentials: [STACKPATH_CREDENTIAL_TYPE, STACKPATH_CLIENT_GRANT_TYPE],
	authenticationParameter: 'authentication',
	baseUrl: (credentials: ICredentialDataDecryptedObject) => gatewayUrl(credentials.gatewayUrl),
	// Body names are camel case, as n8n's; query and path names are given per field.
	apiName: (name) => name,
	toError: stackPathError,
	headers: { Accept: 'application/json' },
	// grpc-gateway reads a repeated query parameter as `key=a&key=b`.
	arrayFormat: 'repeat',
	// 429 (RESOURCE_EXHAUSTED) and 503 (UNAVAILABLE) are retried, waiting as RetryInfo asks
	// (terraform-provider-stackpath stackpath/errors.go maps gRPC 8 → 429 and 14 → 503).
	retryAfter: retryAfterOf,
	// A 401 means the token expired: n8n fetches a new one and repeats the request once (for the
	// OAuth2 credential, by the credential's Token Expired Status Code, also 401).
	refreshOn: [401],
	// The first request fetches the token alone; the others then share it.
	firstRequestAlone: true,
	concurrency: 2,
	pagination: {
		// Relay: page_request.first/after in the query, pageInfo.hasNextPage/endCursor in the
		// answer; the list key is the operation's (results, zones, records, rules).
		relay: relayStrategy({
			pageSize: PAGE_SIZE,
			firstParameter: 'page_request.first',
			afterParameter: 'page_request.after',
			pageInfo: 'pageInfo',
		}),
	},
};
