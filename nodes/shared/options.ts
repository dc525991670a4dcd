import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

/**
 * Request Options: what n8n gives declarative nodes (batching, proxy, timeout, SSL), offered by
 * every node of the pack.
 */
export const requestOptionsProperty: INodeProperties = {
	displayName: 'Request Options',
	name: 'requestOptions',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Batching',
			name: 'batching',
			placeholder: 'Add Batching',
			type: 'fixedCollection',
			typeOptions: { multipleValues: false },
			default: { batch: {} },
			options: [
				{
					displayName: 'Batching',
					name: 'batch',
					values: [
						{
							displayName: 'Items per Batch',
							name: 'batchSize',
							type: 'number',
							typeOptions: { minValue: -1 },
							default: 50,
							description:
								'Input will be split in batches to throttle requests. -1 for disabled. 0 will be treated as 1.',
						},
						{
							displayName: 'Batch Interval (Ms)',
							name: 'batchInterval',
							type: 'number',
							typeOptions: { minValue: 0 },
							default: 1000,
							description: 'Time (in milliseconds) between each batch of requests. 0 for disabled.',
						},
					],
				},
			],
		},
		{
			displayName: 'Ignore SSL Issues (Insecure)',
			name: 'allowUnauthorizedCerts',
			type: 'boolean',
			noDataExpression: true,
			default: false,
			description: 'Whether to connect even if SSL certificate validation is not possible',
		},
		{
			displayName: 'Proxy',
			name: 'proxy',
			type: 'string',
			default: '',
			placeholder: 'e.g. http://myproxy:3128',
			description: 'HTTP proxy to use',
		},
		{
			displayName: 'Timeout',
			name: 'timeout',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 10000,
			description:
				'Time in ms to wait for the server to send response headers (and start the response body) before aborting the request',
		},
	],
};

export interface RequestSettings {
	batchSize: number;
	batchInterval: number;
	timeout?: number;
	proxy?: IHttpRequestOptions['proxy'];
	skipSslCertificateValidation: boolean;
}

/** A proxy URL as n8n's request options take it. */
export function parseProxy(text: string): IHttpRequestOptions['proxy'] {
	const url = new URL(text.includes('://') ? text : `http://${text}`);
	return {
		protocol: url.protocol.replace(':', ''),
		host: url.hostname,
		port: Number(url.port) || (url.protocol === 'https:' ? 443 : 80),
		...(url.username
			? {
					auth: {
						username: decodeURIComponent(url.username),
						password: decodeURIComponent(url.password),
					},
				}
			: {}),
	};
}

/** Reads Request Options once per execution. */
export function readRequestSettings(context: IExecuteFunctions): RequestSettings {
	const raw = context.getNodeParameter('requestOptions', 0, {}) as IDataObject;
	const batch = ((raw.batching as IDataObject | undefined)?.batch ?? {}) as IDataObject;
	const batchSize = batch.batchSize === undefined ? -1 : Number(batch.batchSize);
	const proxy = typeof raw.proxy === 'string' && raw.proxy.trim() ? raw.proxy.trim() : undefined;
	return {
		batchSize: batchSize === 0 ? 1 : batchSize,
		batchInterval: Number(batch.batchInterval ?? 0),
		timeout: raw.timeout ? Number(raw.timeout) : undefined,
		proxy: proxy ? parseProxy(proxy) : undefined,
		skipSslCertificateValidation: raw.allowUnauthorizedCerts === true,
	};
}
