import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { header } from '../../shared/errors';
import { pageStrategy } from '../../shared/strategies';
import type { Provider } from '../../shared/types';
import { computeStacksError, isBasicRejection } from './errors';

/** The API version the node speaks: the only supported one in 9.3 (config/initializers/versioncake_init.rb). */
export const API_VERSION = 80;

/**
 * Page size of paginated lists. api-pagination 5 sets no maximum for will_paginate and the
 * controller sets none (config/initializers/api_paginate.rb), so this is a choice: 100 records
 * keep each response small while a long list needs few requests.
 */
export const PAGE_SIZE = 100;

/** The credential types of the node (their `name`s). */
export const BASIC_CREDENTIAL_TYPE = 'computeStacksApi';
/** The OAuth2 (authorization code) credential type. */
export const CONNECTED_APP_TYPE = 'computeStacksOAuth2Api';

/** The portal origin of a credential, without a trailing slash (or a pasted /api). */
export function portalOrigin(url: unknown): string {
	return String(url ?? '')
		.trim()
		.replace(/\/+$/, '')
		.replace(/\/api$/, '');
}

export const computeStacks: Provider = {
	displayName: 'ComputeStacks',
	credentials: [BASIC_CREDENTIAL_TYPE, CONNECTED_APP_TYPE],
	authenticationParameter: 'authentication',
	baseUrl: (credentials: ICredentialDataDecryptedObject) =>
		`${portalOrigin(credentials.portalUrl)}/api`,
	// Field names are the API's own snake-case names.
	apiName: (name) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`),
	toError: computeStacksError,
	// VersionCake reads the version from the Accept header (strategy :http_accept_parameter).
	headers: { Accept: `application/json; api_version=${API_VERSION}` },
	// n8n retries a request once after a 401 unless told otherwise. A Basic login must never be
	// repeated (five failures lock the account); an OAuth2 credential is refreshed by n8n's own
	// OAuth2 path, which this setting does not touch.
	refreshOn: [],
	// Any 401 of an API key stops the execution at once, Continue On Fail or not: a refused login
	// counts towards the lockout, and no other 401 is worth the risk of a second one.
	stopsExecution: (failure, credential) =>
		credential === BASIC_CREDENTIAL_TYPE && failure.status === 401,
	// A refused key and secret are not sent again by this n8n process for the 4 hours a lockout
	// lasts, in any workflow: a schedule with a wrong secret cannot lock the account.
	remembersRefusal: {
		seconds: 4 * 60 * 60,
		description:
			'ComputeStacks locks an account for 4 hours after 5 failed logins, so n8n does not send a refused API key and secret again. Correct the API key or secret in the credential to try at once (any change of the credential is a new one), or restart n8n.',
		when: (failure, credential) =>
			credential === BASIC_CREDENTIAL_TYPE && isBasicRejection(failure),
	},
	// The first request goes alone: a wrong secret then costs one failed login, and an expired
	// OAuth2 token is refreshed once (refresh tokens rotate) before the other items start.
	firstRequestAlone: true,
	// Rack::Attack allows 2,500 requests per IP every 5 minutes (config/initializers/rack_attack.rb);
	// two in flight stay far below it, and at most two requests meet a credential revoked mid-run.
	concurrency: 2,
	notice: (headers) =>
		header(headers, 'api-deprecated') === 'true'
			? `ComputeStacks marks API version ${API_VERSION} as deprecated on this portal (API-Deprecated: true). It still answers, but a later release may drop it; update the node when a newer version is available.`
			: undefined,
	pagination: {
		// page/per_page with Total, Per-Page and Link headers (api-pagination 5, will_paginate).
		page: pageStrategy({
			pageSize: PAGE_SIZE,
			pageParameter: 'page',
			sizeParameter: 'per_page',
			totalHeader: 'total',
		}),
		// The image list applies its name search (`byname`) to each page after paginating
		// (app/controllers/api/container_images_controller.rb#index), so only Total ends it.
		filteredPage: pageStrategy({
			pageSize: PAGE_SIZE,
			pageParameter: 'page',
			sizeParameter: 'per_page',
			totalHeader: 'total',
			filteredAfterPaging: true,
		}),
	},
};
