import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	PreSendAction,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * preSend for a JSON parameter: parses it and places it at `property` of the body. Invalid JSON
 * is refused before any request with an error naming the field and the item.
 */
export function sendJson(parameter: string, property: string, label: string): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		const raw = this.getNodeParameter(parameter, undefined) as unknown;
		let value: unknown = raw;
		if (typeof raw === 'string') {
			if (raw.trim() === '') return requestOptions;
			try {
				value = JSON.parse(raw);
			} catch (error) {
				const itemIndex = this.getItemIndex();
				throw new NodeOperationError(
					this.getNode(),
					`The '${label}' field is not valid JSON [item ${itemIndex}]`,
					{
						itemIndex,
						description: `${(error as Error).message}. Enter a JSON value such as {"plan": "pro"}.`,
					},
				);
			}
		}
		requestOptions.body = { ...((requestOptions.body as IDataObject) ?? {}), [property]: value };
		return requestOptions;
	};
}
