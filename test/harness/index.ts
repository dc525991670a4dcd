/**
 * Runs a node the way n8n does: n8n-workflow's Workflow, n8n-core's WorkflowExecute and
 * ExecutionLifecycleHooks, and (for declarative nodes) n8n-core's RoutingNode underneath.
 * Nothing of n8n is mocked; only the database and the HTTP servers are replaced, the latter by
 * loopback emulators.
 */
import {
	DirectoryLoader,
	ExecutionLifecycleHooks,
	LoadOptionsContext,
	WorkflowExecute,
} from 'n8n-core';
import type {
	ExecutionError,
	ICredentialType,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeListSearchResult,
	ILoadOptionsFunctions,
	INodeParameters,
	INodeType,
	INodeTypes,
	IRun,
	IRunExecutionData,
	IVersionedNodeType,
	IWebhookResponseData,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { NodeHelpers, Workflow, createRunExecutionData } from 'n8n-workflow';

import { CredentialStore, TestCredentialsHelper } from './credentials';
import type { RecordedRequest } from '../emulators/framework';

export { CredentialStore, TestCredentialsHelper };

export const PACKAGE = 'n8n-nodes-stackpack';

/**
 * The HTTP response a webhook function writes itself (n8n's Response is a ServerResponse
 * underneath): its status, headers and body, each unset until written.
 */
export class RecordedResponse {
	status?: number;
	headers: Record<string, string> = {};
	body?: string;
	writeHead(status: number, headers: Record<string, string> = {}) {
		this.status = status;
		Object.assign(this.headers, headers);
		return this;
	}
	end(body?: string) {
		this.body = body ?? '';
		return this;
	}
}

/**
 * What n8n does once a production webhook function returned (webhook-helpers.js executeWebhook,
 * live-webhooks.js saveStaticData): the static data is saved when it changed, right away when the
 * node answered the request itself; an execution is started with the items (`started`), for which
 * WorkflowRunner.run() builds a second Workflow on the same loaded object (`rewrap`), clearing the
 * change flag (workflow-runner.js establishContextForPersistence); otherwise the save comes only
 * after that. `workflow` is the webhook's Workflow; `save` gets the static data as n8n would
 * store it. Returns whether the node answered itself (else n8n answers).
 */
export function settleWebhook(
	answer: IWebhookResponseData,
	workflow: Workflow,
	{
		save,
		started,
		rewrap,
	}: {
		save: (staticData: IDataObject) => void;
		started: (items: IDataObject[]) => void;
		rewrap: () => void;
	},
): boolean {
	const saveChanged = () => {
		if (workflow.staticData.__dataChanged === true)
			save(JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject);
	};
	if (answer.noWebhookResponse) saveChanged();
	if (answer.workflowData) {
		started(answer.workflowData[0].map((item) => item.json));
		rewrap();
	}
	if (answer.noWebhookResponse) return true;
	saveChanged();
	return false;
}

const loaded = new WeakSet<object>();

/**
 * What n8n's loader does to a declarative node when it loads it: add the standard Options
 * collection (batching, proxy, timeout, SSL). Done once per node instance, as n8n does once.
 */
export function loadNodeType<T extends INodeType | IVersionedNodeType>(node: T): T {
	if (!loaded.has(node) && 'properties' in node.description) {
		DirectoryLoader.applyDeclarativeNodeOptionParameters(node as INodeType);
		loaded.add(node);
	}
	return node;
}

export class TestNodeTypes implements INodeTypes {
	private readonly byName = new Map<string, INodeType | IVersionedNodeType>();

	constructor(nodes: Array<INodeType | IVersionedNodeType>, typeName?: string) {
		for (const node of nodes)
			this.byName.set(typeName ?? `${PACKAGE}.${node.description.name}`, loadNodeType(node));
	}

	getByName(type: string): INodeType | IVersionedNodeType {
		const node = this.byName.get(type);
		if (!node) throw new Error(`Unknown node type ${type}`);
		return node;
	}

	getByNameAndVersion(type: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(type), version);
	}

	getKnownTypes() {
		return {};
	}
}

export interface RunNodeOptions {
	node: INodeType;
	parameters: INodeParameters;
	/** Credential type name → stored data (a fresh store is made), or a store built by the test. */
	credentials?: Record<string, IDataObject>;
	store?: CredentialStore;
	credentialTypes?: ICredentialType[];
	/** Input items; one empty item when omitted. */
	items?: IDataObject[];
	continueOnFail?: boolean;
	/** n8n's On Error setting; overrides continueOnFail. */
	onError?: INode['onError'];
	/** An emulator whose request log is sliced to what this run sent. */
	emulator?: { requests: RecordedRequest[] };
	/** Node type name; `<package>.<description.name>` unless given. */
	typeName?: string;
	/** Execution mode; `manual` unless given. */
	mode?: WorkflowExecuteMode;
	/** The workflow's static data as n8n loads it from the database before an execution. */
	staticData?: IDataObject;
}

export interface RunNodeResult {
	items: INodeExecutionData[];
	/** Every output of the node's first run (the error output is the second with continueErrorOutput). */
	outputs: INodeExecutionData[][];
	json: IDataObject[];
	error?: ExecutionError;
	requests: RecordedRequest[];
	run: IRun;
	store: CredentialStore;
	/** The static data n8n would save after this execution (undefined: nothing changed). */
	savedStaticData?: IDataObject;
}

const NODE_NAME = 'Node under test';

/** The additional data of a run: n8n's URLs, the credentials helper, the hooks. */
export function makeAdditionalData(
	store: CredentialStore,
	credentialTypes: ICredentialType[],
	hooks?: ExecutionLifecycleHooks,
): IWorkflowExecuteAdditionalData {
	const credentialsHelper = new TestCredentialsHelper(store, credentialTypes);
	return {
		credentialsHelper,
		hooks,
		executionId: 'exec-1',
		currentNodeExecutionIndex: 0,
		restApiUrl: 'http://127.0.0.1:5678/rest',
		instanceBaseUrl: 'http://127.0.0.1:5678/',
		formBaseUrl: 'http://127.0.0.1:5678/form',
		formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
		formTestBaseUrl: 'http://127.0.0.1:5678/form-test',
		webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
		mcpBaseUrl: 'http://127.0.0.1:5678/mcp',
		mcpTestBaseUrl: 'http://127.0.0.1:5678/mcp-test',
		variables: {},
		logAiEvent: () => undefined,
		setExecutionStatus: () => undefined,
		sendDataToUI: () => undefined,
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		executeWorkflow: async () => {
			throw new Error('not supported in tests');
		},
		startRunnerTask: async () => {
			throw new Error('not supported in tests');
		},
	} as unknown as IWorkflowExecuteAdditionalData;
}

export async function runNode(options: RunNodeOptions): Promise<RunNodeResult> {
	const store = options.store ?? new CredentialStore();
	const nodeCredentials: INode['credentials'] = {};
	for (const [type, data] of Object.entries(options.credentials ?? {})) {
		nodeCredentials[type] = store.add(type, data as never);
	}
	if (options.store) {
		for (const type of (options.node.description.credentials ?? []).map((c) => c.name)) {
			if (!nodeCredentials[type])
				nodeCredentials[type] = { id: `${type}-1`, name: `${type} account` };
		}
	}

	const node: INode = {
		id: 'node-under-test',
		name: NODE_NAME,
		type: options.typeName ?? `${PACKAGE}.${options.node.description.name}`,
		typeVersion: Array.isArray(options.node.description.version)
			? Math.max(...options.node.description.version)
			: options.node.description.version,
		position: [0, 0],
		parameters: options.parameters,
		credentials: nodeCredentials,
		continueOnFail: options.continueOnFail ?? false,
		onError: options.onError ?? (options.continueOnFail ? 'continueRegularOutput' : 'stopWorkflow'),
	};
	const nodeTypes = new TestNodeTypes([options.node], node.type);
	const workflow = new Workflow({
		id: 'wf-test',
		name: 'test workflow',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes,
		settings: {},
		staticData: options.staticData,
	});
	// n8n fills in node parameter defaults when a workflow is saved; do the same.
	const full = NodeHelpers.getNodeParameters(
		options.node.description.properties,
		node.parameters,
		true,
		false,
		node,
		options.node.description,
	);
	node.parameters = full ?? node.parameters;

	const workflowData: IWorkflowBase = {
		id: workflow.id,
		name: 'test workflow',
		active: false,
		activeVersionId: null,
		isArchived: false,
		nodes: [node],
		connections: {},
		createdAt: new Date(),
		updatedAt: new Date(),
		settings: {},
	} as IWorkflowBase;

	const before = options.emulator?.requests.length ?? 0;
	const mode = options.mode ?? 'manual';
	const hooks = new ExecutionLifecycleHooks(mode, 'exec-1', workflowData);
	let savedStaticData: IDataObject | undefined;
	const done = new Promise<IRun>((resolve) => {
		hooks.addHandler('workflowExecuteAfter', (fullRunData, newStaticData) => {
			// What n8n's save hook writes (execution-lifecycle-hooks: saveStaticDataById).
			savedStaticData = newStaticData && (JSON.parse(JSON.stringify(newStaticData)) as IDataObject);
			resolve(fullRunData);
		});
	});

	const additionalData = makeAdditionalData(store, options.credentialTypes ?? [], hooks);

	const inputItems: INodeExecutionData[] = (options.items ?? [{}]).map((json) => ({ json }));
	const runExecutionData: IRunExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [{ node, data: { main: [inputItems] }, source: null }],
		},
	});

	const execution = new WorkflowExecute(additionalData, mode, runExecutionData);
	await execution.processRunExecutionData(workflow);
	const run = await done;

	const nodeRuns = run.data.resultData.runData[NODE_NAME] ?? [];
	const items = nodeRuns[0]?.data?.main?.[0] ?? [];
	const error = nodeRuns[0]?.error ?? run.data.resultData.error;
	return {
		items,
		outputs: (nodeRuns[0]?.data?.main ?? []).map((output) => output ?? []),
		json: items.map((i) => i.json),
		error,
		requests: options.emulator ? options.emulator.requests.slice(before) : [],
		run,
		store,
		savedStaticData,
	};
}

export interface CredentialTestResult {
	status: 'OK' | 'Error';
	message: string;
	requests: RecordedRequest[];
}

/**
 * Runs a credential's `test` request the way n8n's CredentialsTester does: a temporary
 * declarative node (type n8n-nodes-base.noOp, parameter `temp`) whose only property routes the
 * test request, executed by RoutingNode with the credential, then the test's rules applied.
 */
export async function testCredential(options: {
	credentialType: ICredentialType;
	data: IDataObject;
	emulator?: { requests: RecordedRequest[] };
}): Promise<CredentialTestResult> {
	const { credentialType } = options;
	if (!credentialType.test) throw new Error(`${credentialType.name} has no test request`);
	const testNode: INodeType = {
		description: {
			displayName: 'Temp',
			name: 'noOp',
			group: ['transform'],
			version: 1,
			description: 'Credential test',
			defaults: { name: 'Temp' },
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: credentialType.name, required: true }],
			properties: [
				{
					displayName: 'Temp',
					name: 'temp',
					type: 'string',
					default: '',
					routing: { request: credentialType.test.request },
				},
			],
		} as INodeType['description'],
	};
	const result = await runNode({
		node: testNode,
		typeName: 'n8n-nodes-base.noOp',
		parameters: { temp: '' },
		credentials: { [credentialType.name]: options.data },
		credentialTypes: [credentialType],
		emulator: options.emulator,
	});
	if (result.error) {
		return { status: 'Error', message: result.error.message, requests: result.requests };
	}
	for (const rule of credentialType.test.rules ?? []) {
		if (rule.type === 'responseSuccessBody') {
			const body = result.json[0] ?? {};
			// n8n reads the key with lodash `get` (credentials-tester.service.ts), so `errors[0]`
			// is an index as well as `errors.0`.
			const value = rule.properties.key
				.replace(/\[(\w+)\]/g, '.$1')
				.split('.')
				.filter((k) => k !== '')
				.reduce<unknown>((o, k) => (o as IDataObject)?.[k], body);
			if (value === rule.properties.value) {
				return { status: 'Error', message: rule.properties.message, requests: result.requests };
			}
		}
	}
	return { status: 'OK', message: 'Connection successful!', requests: result.requests };
}

/** Calls a node's list search (resource locator "From List") through n8n-core's LoadOptionsContext. */
export async function runListSearch(options: {
	node: INodeType;
	method: string;
	credentials: Record<string, IDataObject>;
	credentialTypes: ICredentialType[];
	filter?: string;
	paginationToken?: string;
	parameters?: INodeParameters;
}): Promise<INodeListSearchResult> {
	const store = new CredentialStore();
	const nodeCredentials: INode['credentials'] = {};
	for (const [type, data] of Object.entries(options.credentials)) {
		nodeCredentials[type] = store.add(type, data as never);
	}
	// The editor sends the node's parameters with every default filled in, as it holds them.
	const parameters =
		NodeHelpers.getNodeParameters(
			options.node.description.properties,
			options.parameters ?? {},
			true,
			false,
			null,
			options.node.description,
		) ?? {};
	const node: INode = {
		id: 'node-under-test',
		name: NODE_NAME,
		type: `${PACKAGE}.${options.node.description.name}`,
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials: nodeCredentials,
	};
	const workflow = new Workflow({
		id: 'wf-test',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: new TestNodeTypes([options.node]),
	});
	// As n8n's DynamicNodeParametersService does: the node's current parameters travel in the
	// additional data, where getCurrentNodeParameter reads them.
	const additionalData = makeAdditionalData(store, options.credentialTypes);
	additionalData.currentNodeParameters = parameters;
	const context = new LoadOptionsContext(
		workflow,
		node,
		additionalData,
		'parameters',
	) as unknown as ILoadOptionsFunctions;
	const search = options.node.methods?.listSearch?.[options.method];
	if (!search) throw new Error(`No list search ${options.method}`);
	return await search.call(context, options.filter, options.paginationToken);
}
