import type {
	IDataObject,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
} from 'n8n-workflow';

import { stackAuthError } from './errors';

export const CREDENTIAL = 'stackAuthApi';

export function apiBaseUrl(baseUrl: unknown): string {
	return `${String(baseUrl ?? '').replace(/\/+$/, '')}/api/v1`;
}

/** One request to the Stack Auth API with the node's credential (for list searches). */
export async function apiRequest(
	this: ILoadOptionsFunctions,
	method: IHttpRequestMethods,
	path: string,
	qs: IDataObject = {},
): Promise<IDataObject> {
	const credentials = await this.getCredentials(CREDENTIAL);
	const options: IHttpRequestOptions = {
		method,
		baseURL: apiBaseUrl(credentials.baseUrl),
		url: path,
		qs,
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
	};
	const response = (await this.helpers.httpRequestWithAuthentication.call(
		this,
		CREDENTIAL,
		options,
	)) as IN8nHttpFullResponse;
	if (response.statusCode >= 400) throw stackAuthError(this.getNode(), response);
	return response.body as IDataObject;
}
