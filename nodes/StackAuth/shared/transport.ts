import type { IDataObject, IHttpRequestMethods, ILoadOptionsFunctions } from 'n8n-workflow';

import { lookupRequest } from '../../shared/request';
import { stackAuth } from './provider';

/** One request to the Stack Auth API with the node's credential (for list searches). */
export async function apiRequest(
	this: ILoadOptionsFunctions,
	method: IHttpRequestMethods,
	path: string,
	qs: IDataObject = {},
): Promise<IDataObject> {
	return (await lookupRequest(this, stackAuth, method, path, qs)) as IDataObject;
}
