import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { apiRequest } from '../shared/transport';

export async function searchUsers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const qs: IDataObject = { limit: 50 };
	if (filter) qs.query = filter;
	if (paginationToken) qs.cursor = paginationToken;
	const body = await apiRequest.call(this, 'GET', '/users', qs);
	const users = (body.items as IDataObject[]) ?? [];
	const next = (body.pagination as IDataObject | undefined)?.next_cursor;
	return {
		results: users.map((user) => {
			const label =
				(user.display_name as string) || (user.primary_email as string) || String(user.id);
			const email =
				user.primary_email && user.display_name ? ` (${String(user.primary_email)})` : '';
			return { name: `${label}${email}`, value: String(user.id) };
		}),
		paginationToken: typeof next === 'string' && next ? next : undefined,
	};
}
