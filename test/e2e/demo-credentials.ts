/**
 * The credentials the example workflows name (the IDs and names in examples/*.json), pointed at
 * the local emulators: used by `npm start`, the screenshots and the end-to-end suite.
 */
import { API_KEY, API_SECRET } from '../emulators/computestacks';
import { PROJECT_ID, SERVER_KEY } from '../emulators/stack-auth';
import {
	CLIENT_ID as STACKPATH_CLIENT_ID,
	CLIENT_SECRET as STACKPATH_CLIENT_SECRET,
} from '../emulators/stackpath';
import { API_TOKEN as STACUITY_API_TOKEN } from '../emulators/stacuity';

export interface DemoCredential {
	id: string;
	name: string;
	type: string;
	data: Record<string, string>;
}

/** Stack Auth: base URL, project ID and secret server key (the emulator's own by default). */
export function stackAuthCredential(baseUrl: string, secretServerKey = SERVER_KEY): DemoCredential {
	return {
		id: 'stackAuthDemo0001',
		name: 'Stack Auth (local emulator)',
		type: 'stackAuthApi',
		data: { baseUrl, projectId: PROJECT_ID, secretServerKey },
	};
}

/** The Stack Auth webhook signing secret the trigger example uses. */
export function stackAuthWebhookCredential(signingSecret: string): DemoCredential {
	return {
		id: 'stackAuthHook0001',
		name: 'Stack Auth webhook (local)',
		type: 'stackAuthWebhookApi',
		data: { signingSecret },
	};
}

/** ComputeStacks: the portal URL and the emulator's API key pair. */
export function computeStacksCredential(portalUrl: string): DemoCredential {
	return {
		id: 'computeStacksDemo1',
		name: 'ComputeStacks (local emulator)',
		type: 'computeStacksApi',
		data: { portalUrl, apiKey: API_KEY, apiSecret: API_SECRET },
	};
}

/** Stacuity: the API URL and the emulator's token. */
export function stacuityCredential(baseUrl: string): DemoCredential {
	return {
		id: 'stacuityDemo00001',
		name: 'Stacuity (local emulator)',
		type: 'stacuityApi',
		data: { baseUrl, apiToken: STACUITY_API_TOKEN },
	};
}

/** StackPath: the gateway URL and the emulator's client ID and secret. */
export function stackPathCredential(gatewayUrl: string): DemoCredential {
	return {
		id: 'stackPathDemo0001',
		name: 'StackPath (local emulator)',
		type: 'stackPathApi',
		data: {
			gatewayUrl,
			clientId: STACKPATH_CLIENT_ID,
			clientSecret: STACKPATH_CLIENT_SECRET,
		},
	};
}

/** StackPath through n8n's OAuth2 support: the same gateway URL, client ID and secret. */
export function stackPathOAuth2Credential(gatewayUrl: string): DemoCredential {
	return {
		...stackPathCredential(gatewayUrl),
		id: 'stackPathOAuth0001',
		name: 'StackPath OAuth2 (local emulator)',
		type: 'stackPathOAuth2Api',
	};
}
