import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { offsetStrategy } from '../../shared/strategies';
import type { Provider } from '../../shared/types';
import { stacuityError } from './errors';

/** Stacuity's API root (https://readme.stacuity.com/docs/api-overview). */
export const DEFAULT_BASE_URL = 'https://api.stacuity.com/api/v1';

/**
 * The page size of lists. Stacuity documents no default or maximum `limit`; its own client
 * sends 0 (stacuity/models/paging.go). An explicit 100 keeps pages bounded.
 */
export const PAGE_SIZE = 100;

export const STACUITY_CREDENTIAL_TYPE = 'stacuityApi';

export function apiBaseUrl(url: unknown): string {
	return (String(url ?? '').trim() || DEFAULT_BASE_URL).replace(/\/+$/, '');
}

export const stacuity: Provider = {
	displayName: 'Stacuity',
	credentials: [STACUITY_CREDENTIAL_TYPE],
	baseUrl: (credentials: ICredentialDataDecryptedObject) => apiBaseUrl(credentials.baseUrl),
	// Stacuity's JSON names are camel case, as n8n's field names are.
	apiName: (name) => name,
	toError: stacuityError,
	headers: { Accept: 'application/json' },
	// Any status other than 200 is an error, and a 200 whose envelope says success: false too
	// (stacuity/client.go doRequest; stacuity/vslice.go).
	bodyFailure: (body, status, headers) => {
		if (status !== 200) return { status, headers, body };
		if (body && typeof body === 'object' && (body as IDataObject).success === false)
			return { status, headers, body };
		return undefined;
	},
	// The token is static: a 401 is final.
	refreshOn: [],
	// Nothing is known of Stacuity's rate limits; two requests in flight stay modest.
	concurrency: 2,
	pagination: {
		// offset/limit in the query; `totalItems` beside `data` in the envelope (stacuity/models/*.go *List).
		offset: offsetStrategy({
			pageSize: PAGE_SIZE,
			offsetParameter: 'offset',
			limitParameter: 'limit',
			listKey: 'data',
			totalKey: 'totalItems',
		}),
	},
};
