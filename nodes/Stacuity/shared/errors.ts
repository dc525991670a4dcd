import type { IDataObject, NodeApiError } from 'n8n-workflow';

import { apiError } from '../../shared/errors';
import type { HttpFailure } from '../../shared/types';

/** The messages of a Stacuity envelope, joined as Stacuity's own client joins them (stacuity/*.go). */
export function messagesText(body: unknown): string | undefined {
	if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
	const messages = (body as IDataObject).messages;
	if (Array.isArray(messages)) {
		const text = messages
			.map(String)
			.filter((m) => m.trim() !== '')
			.join(' ');
		return text || undefined;
	}
	return typeof messages === 'string' && messages.trim() ? messages : undefined;
}

/**
 * Turns a Stacuity failure into an error. Stacuity's client treats any status other than 200 as
 * an error, and a 200 whose envelope says `success: false` too, with `messages` joined
 * (stacuity/client.go doRequest, stacuity/vslice.go). Which statuses the API uses for a bad
 * token, a missing object or invalid input is not documented: the message is the envelope's
 * `messages` where the body has them, else the status.
 */
export function stacuityError(failure: HttpFailure): NodeApiError {
	const { status } = failure;
	if (failure.malformed !== undefined) {
		return apiError(failure.node, failure, {
			message:
				failure.malformed === ''
					? 'Stacuity sent an empty response where JSON was expected'
					: 'Stacuity sent a malformed JSON response',
			description:
				'The response could not be read as JSON. Retry later; if it persists, check the base URL of the credential.',
		});
	}
	const said =
		messagesText(failure.body) ??
		(typeof failure.body === 'string' && failure.body.trim() ? failure.body.trim() : undefined);
	let description: string | undefined;
	if (status === 200)
		description = 'Stacuity refused the request (success: false); its messages say why.';
	else if (status === 401 || status === 403)
		description =
			'Check the API token of the Stacuity credential (32 hexadecimal characters, made in the portal under Access Control → API Tokens). A token has the rights of the user who created it.';
	else if (status === 404) description = 'Check the ID or moniker: no object of this kind has it.';
	else if (status === 429)
		description =
			'Stacuity limited the request rate; use Batching in Request Options to spread requests.';
	else if (status >= 500) description = 'Stacuity failed to process the request. Retry later.';
	let message: string;
	if (status > 200 && status < 300) {
		// A success status other than 200: Stacuity's own client takes only 200 as success.
		message = `Stacuity answered HTTP ${status} where 200 was expected${said ? ` (${said})` : ''}`;
		description =
			'Stacuity’s own client accepts only 200, so the node does not assume the request took effect; check the object before retrying.';
	} else if (said) message = `Stacuity: ${said}`;
	else
		message =
			status === 200
				? 'Stacuity refused the request without a message'
				: `Stacuity answered HTTP ${status} with no message`;
	return apiError(failure.node, failure, { message, description });
}
