import type { IHttpRequestMethods } from 'n8n-workflow';

/**
 * The operation tables of the StackPath nodes, as scripts/stackpath/generate.ts writes them from
 * StackPath's own OpenAPI/Swagger files (one `operations.generated.ts` per node). They are data
 * only (named apart from n8n's own property keys); build.ts turns them into the core's resources, adding locators, pagination and the
 * behaviour the specs cannot state.
 */
export type SpecFieldType =
	| 'string'
	| 'number'
	| 'boolean'
	| 'options'
	| 'multiOptions'
	| 'json'
	| 'list'
	| 'dateTime';

export interface SpecField {
	/** The n8n parameter name. */
	name: string;
	/** The API's name: a query key as written (dots included), a body key, or a path parameter. */
	api: string;
	in: 'path' | 'query' | 'body';
	/** The label shown (n8n's displayName). */
	title: string;
	description?: string;
	kind: SpecFieldType;
	required?: boolean;
	/** Values of an enum (options, multiOptions). */
	options?: string[];
	/** The spec's default of an enum or a number. */
	default?: string | number | boolean;
	/** A JSON field's example (valid against the spec's schema), or a text field's placeholder. */
	example?: string;
	/** A JSON field that takes an array. */
	array?: boolean;
	/** The kind of resource locator that picks this path parameter. */
	locator?: string;
	password?: boolean;
	/** A multi-line text (certificates, keys, code). */
	rows?: number;
}

export interface SpecOperation {
	/** `METHOD /path` as the spec writes it. */
	key: string;
	operationId: string;
	/** The spec file it comes from, below StackPath's spec folder. */
	source: string;
	name: string;
	value: string;
	action: string;
	description?: string;
	method: IHttpRequestMethods;
	/** The path with `{parameterName}` placeholders of the n8n names. */
	path: string;
	fields: SpecField[];
	/** The body's single top-level object, whose fields are shown one by one. */
	wrap?: string;
	/** A list: the key of its array, and whether it takes `page_request.*`. */
	list?: { key: string; paginated: boolean };
	/** The single key the response holds the record under. */
	recordKey?: string;
	/** The success answer has no body (204). */
	empty?: boolean;
}

export interface SpecResource {
	value: string;
	title: string;
	operations: SpecOperation[];
}
