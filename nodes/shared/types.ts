import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHttpRequestMethods,
	INode,
	INodeProperties,
	INodePropertyCollection,
	INodePropertyOptions,
	NodeApiError,
} from 'n8n-workflow';

/**
 * Where a field's value goes in the request. `header`: a request header named by `api`, sent as
 * text. `none` fields only steer other fields.
 */
export type FieldTarget = 'path' | 'query' | 'body' | 'header' | 'none';

/**
 * One parameter of an operation: the n8n property the user fills in, plus where its value goes.
 * `displayOptions` may only hold conditions on other fields of the same operation; the resource
 * and operation conditions are added by the description builder.
 */
export type Field = Omit<INodeProperties, 'options' | 'routing'> & {
	/** Where the value is sent; default: a `{name}` placeholder of the path → path, else query for GET/DELETE, else body. */
	in?: FieldTarget;
	/** The API's name for the value (dots nest it); default: the provider's rendering of `name`. */
	api?: string;
	/** `json`: parsed before any request; `list`: a comma-separated string (or an array) becomes an array. */
	parse?: 'json' | 'list';
	/** Turns the (parsed) value into what is sent; `undefined` omits it. */
	value?: (value: unknown) => unknown;
	/** Fixed values sent beside this field's value (same target) whenever it is sent. */
	also?: IDataObject;
	/** For collection and fixedCollection fields: their sub-fields, each sent on its own. */
	options?: Array<Field | INodePropertyOptions | INodePropertyCollection>;
};

/** Output shaping of an operation. */
export interface OperationOutput {
	/** The response is replaced by `{ deleted: true }`. */
	deleted?: boolean;
	/** The records are under this key of the response (one item per record). */
	listKey?: string;
	/**
	 * The records of a list response that does not hold them in one array (used instead of
	 * `listKey`), e.g. several arrays of a response joined, each record told apart by a field.
	 */
	records?: (body: unknown) => unknown[];
	/** A single record is under this key of the response (`{project: {...}}`). */
	recordKey?: string;
	/** A Simplify toggle (default on) keeps these keys of each record, in this order. */
	simplify?: string[];
	/**
	 * Reshapes each record before Simplify, e.g. to add a value the response only implies, or to
	 * name the columns of a record the API sends as an array (it receives objects and arrays).
	 */
	map?: (record: IDataObject) => IDataObject;
}

/** One endpoint of the API: everything the executor and the description builder need. */
export interface Operation extends OperationOutput {
	/** Title Case name shown in the picker, e.g. "Get Many". */
	name: string;
	/** Parameter value, e.g. "getAll". */
	value: string;
	/** Sentence-case action, e.g. "Get many users". */
	action: string;
	description?: string;
	method: IHttpRequestMethods;
	/** Path under the provider's base URL, with `{fieldName}` placeholders. */
	path: string;
	fields?: Field[];
	/** Fixed query values sent with every request of the operation. */
	query?: IDataObject;
	/** Fixed body values, overridden by fields. */
	body?: IDataObject;
	/** false: a POST/PUT/PATCH that takes no body at all. */
	sendsBody?: boolean;
	/** A list: Return All / Limit are offered. A strategy name pages through the API; none limits client-side. */
	list?: { paginate?: string };
	/**
	 * The key the API expects the body under (`{user_ssh_key: {...}}`): body fields without an
	 * explicit `api` name are sent inside it; fields with one are placed as named.
	 */
	wrap?: string;
	/**
	 * The request body is this key of the body the fields build, sent on its own: for APIs that
	 * take a bare JSON array (`[{...}, {...}]`), a field places the array under the key.
	 */
	bodyRoot?: string;
	/**
	 * The API replaces the whole object on update: the current record is read first (a GET of
	 * the operation's URL), `toBody` turns it into what the API takes, and the operation's body
	 * fields are merged over that (objects merged key by key, anything else replaced). An update
	 * that sets no field is refused before any request.
	 */
	replace?: {
		toBody(current: IDataObject): IDataObject;
		/** Where the record is in the read's response (default: the operation's recordKey). */
		recordKey?: string;
	};
	/**
	 * The operation starts work the API finishes later: a Wait for Completion toggle (with a
	 * timeout and a poll interval) is offered, and when it is on, `wait` follows the work to its
	 * end and its result becomes the output.
	 */
	wait?: Completion;
}

/** How an operation that starts asynchronous work is followed to its end. */
export interface Completion {
	/** What is awaited, for the toggle's description, e.g. "until the order is completed or failed". */
	until: string;
	/** Follows the work; returns the output record(s). Throws for work that failed. */
	follow(context: FollowContext): Promise<unknown>;
}

/** What a Completion gets to follow the work its operation started. */
export interface FollowContext {
	node: INode;
	itemIndex: number;
	/** The body of the operation's own response. */
	body: unknown;
	/** The headers of the operation's own response (its `Date` is the server's time of it). */
	headers: Record<string, unknown>;
	/** The item's field values the operation read, by field name (locators already extracted). */
	values: Record<string, unknown>;
	/** Sends one more request with the node's credential, to a path under the base URL. */
	request(
		method: IHttpRequestMethods,
		path: string,
		qs?: IDataObject,
	): Promise<{ body: unknown; headers: Record<string, unknown> }>;
	/**
	 * Calls `check` now and then every poll interval until it returns something other than
	 * undefined, and returns that; past the timeout, an error that names `what`.
	 */
	poll<T>(what: string, check: () => Promise<T | undefined>): Promise<T>;
}

export interface Resource {
	/** Shown in the Resource picker. */
	displayName: string;
	/** The `resource` parameter's value. */
	value: string;
	/** The operation selected when the resource is picked. */
	defaultOperation: string;
	operations: Operation[];
}

/** A page as a strategy reads it. */
export interface Page {
	records: unknown[];
	/** The state for the next request; undefined when this was the last page. */
	next?: PageState;
	/** The API filters pages after cutting them: an empty page may still have a next one. */
	sparse?: boolean;
}

export type PageState = IDataObject;

/** The information a paginator needs from one response. */
export interface PageResponse {
	body: unknown;
	headers: Record<string, unknown>;
	/** The operation's list key, for strategies whose APIs name the list per endpoint. */
	listKey?: string;
}

/**
 * A pagination strategy: which query or body values ask for a page, and how a response says
 * what comes next. `key` identifies a page request for loop detection.
 */
export interface PaginationStrategy {
	/** The largest page the API allows. */
	pageSize: number;
	/** Adds the page request to `query`/`body` for page `state` (undefined: first page) of `size` records. */
	request(
		state: PageState | undefined,
		size: number,
		target: { query: IDataObject; body: IDataObject },
	): void;
	/** Reads a page: its records and the state of the next one (undefined: no more). */
	read(response: PageResponse, state: PageState | undefined, size: number): Page;
	/** A text that names the state, for loop detection and messages. */
	key(state: PageState): string;
}

/** What a provider supplies to the core: naming, base URL, errors, pagination and limits. */
export interface Provider {
	/** The API's name as shown in messages. */
	displayName: string;
	/** Credential type names the node may use; the first is the default. */
	credentials: string[];
	/** The parameter that picks the credential when there is more than one. */
	authenticationParameter?: string;
	/** The API root for a credential, without a trailing slash. */
	baseUrl(credentials: ICredentialDataDecryptedObject): string;
	/** The API's name for an n8n field name (`primaryEmail` → `primary_email`). */
	apiName(fieldName: string): string;
	/** Turns an HTTP failure into an error; its message is the provider's own text. */
	toError(failure: HttpFailure): NodeApiError;
	/** A failure reported inside a successful response (an envelope flag), or undefined. */
	bodyFailure?(
		body: unknown,
		status: number,
		headers: Record<string, unknown>,
	): Omit<HttpFailure, 'node'> | undefined;
	/** Pagination strategies by name. */
	pagination?: Record<string, PaginationStrategy>;
	/** Requests in flight at once across items (default 1). */
	concurrency?: number;
	/** Headers sent with every request. */
	headers?: Record<string, string>;
	/** How array query values are written (n8n's default: `key[0]=a&key[1]=b`); `repeat`: `key=a&key=b`. */
	arrayFormat?: 'indices' | 'brackets' | 'repeat' | 'comma';
	/** An empty body of a POST/PUT/PATCH is sent as `{}` (some APIs refuse a JSON request without a body). */
	sendEmptyBody?: boolean;
	/** Statuses that wait and retry (429/503 by default). */
	retry?: RetryPolicy;
	/**
	 * Statuses on which n8n re-authenticates (runs the credential's preAuthentication) and repeats
	 * the request once; default [401]. [] for static keys, where a 401 is final (and, for a Basic
	 * login that locks accounts, must never be repeated).
	 */
	refreshOn?: number[];
	/**
	 * Whether this failure must stop the whole execution, even with Continue On Fail, before any
	 * further request: e.g. a rejected login that counts towards an account lockout.
	 */
	stopsExecution?(failure: HttpFailure, credential: string): boolean;
	/**
	 * The first item's request goes alone before the others start, so that a rejected credential
	 * or an expired token is met once, not once per request in flight.
	 */
	firstRequestAlone?: boolean;
	/**
	 * After a refusal of the credential itself (`when`), the n8n process sends nothing more
	 * with the same credential values for this many seconds, in this or any later execution: a
	 * scheduled workflow with a wrong secret then fails without a request instead of locking the
	 * account. `description` tells the user how to try again.
	 */
	remembersRefusal?: {
		seconds: number;
		description: string;
		/** Which execution-stopping failures are refusals of the credential itself. */
		when(failure: HttpFailure, credential: string): boolean;
	};
	/**
	 * How long a 429/503 asks to wait, read from its body (as a Retry-After value: seconds or an
	 * HTTP date), for APIs that say it there; the Retry-After header wins.
	 */
	retryAfter?(failure: HttpFailure): string | undefined;
	/** A warning for the user read off a successful response's headers (shown as an execution hint). */
	notice?(headers: Record<string, unknown>): string | undefined;
}

export interface RetryPolicy {
	/** Statuses that wait and retry (default 429 and 503). */
	statuses?: number[];
	/** Retries per request (default 5). */
	maxRetries?: number;
	/** The longest wait in seconds, Retry-After included (default 60). */
	maxWaitSeconds?: number;
	/** The first backoff when no Retry-After is sent, in seconds (default 1, doubled each time). */
	backoffSeconds?: number;
}

/** An HTTP failure as the core hands it to a provider's mapper. */
export interface HttpFailure {
	node: INode;
	status: number;
	headers: Record<string, unknown>;
	/** Parsed JSON when the body was JSON, else the text (cut to an excerpt by the core). */
	body: unknown;
	itemIndex?: number;
	/** The response said JSON but its body was not (an excerpt of it; '' when empty). */
	malformed?: string;
}
