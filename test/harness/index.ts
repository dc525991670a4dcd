/**
 * Runs a node the way n8n does: n8n-workflow's Workflow, n8n-core's WorkflowExecute and
 * ExecutionLifecycleHooks, and (for declarative nodes) n8n-core's RoutingNode underneath.
 * Nothing of n8n is mocked; only the database and the HTTP servers are replaced, the latter by
 * loopback emulators.
 */
import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import type {
	ExecutionError,
	ICredentialType,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	INodeTypes,
	IRun,
	IRunExecutionData,
	IVersionedNodeType,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { NodeHelpers, Workflow, createRunExecutionData } from 'n8n-workflow';

import { CredentialStore, TestCredentialsHelper } from './credentials';
import type { RecordedRequest } from '../emulators/framework';

export { CredentialStore, TestCredentialsHelper };

export const PACKAGE = 'n8n-nodes-stackpack';

export class TestNodeTypes implements INodeTypes {
	private readonly byName = new Map<string, INodeType | IVersionedNodeType>();

	constructor(nodes: Array<INodeType | IVersionedNodeType>) {
		for (const node of nodes) this.byName.set(`${PACKAGE}.${node.description.name}`, node);
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
	/** An emulator whose request log is sliced to what this run sent. */
	emulator?: { requests: RecordedRequest[] };
}

export interface RunNodeResult {
	items: INodeExecutionData[];
	json: IDataObject[];
	error?: ExecutionError;
	requests: RecordedRequest[];
	run: IRun;
	store: CredentialStore;
}

const NODE_NAME = 'Node under test';

export async function runNode(options: RunNodeOptions): Promise<RunNodeResult> {
	const store = options.store ?? new CredentialStore();
	const nodeCredentials: INode['credentials'] = {};
	for (const [type, data] of Object.entries(options.credentials ?? {})) {
		nodeCredentials[type] = store.add(type, data as never);
	}
	if (options.store) {
		for (const type of (options.node.description.credentials ?? []).map((c) => c.name)) {
			if (!nodeCredentials[type]) nodeCredentials[type] = { id: `${type}-1`, name: `${type} account` };
		}
	}

	const node: INode = {
		id: 'node-under-test',
		name: NODE_NAME,
		type: `${PACKAGE}.${options.node.description.name}`,
		typeVersion: Array.isArray(options.node.description.version)
			? Math.max(...options.node.description.version)
			: options.node.description.version,
		position: [0, 0],
		parameters: options.parameters,
		credentials: nodeCredentials,
		continueOnFail: options.continueOnFail ?? false,
		onError: options.continueOnFail ? 'continueRegularOutput' : 'stopWorkflow',
	};
	const nodeTypes = new TestNodeTypes([options.node]);
	const workflow = new Workflow({
		id: 'wf-test',
		name: 'test workflow',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes,
		settings: {},
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
	const hooks = new ExecutionLifecycleHooks('manual', 'exec-1', workflowData);
	const done = new Promise<IRun>((resolve) => {
		hooks.addHandler('workflowExecuteAfter', (fullRunData) => resolve(fullRunData));
	});

	const credentialsHelper = new TestCredentialsHelper(store, options.credentialTypes ?? []);
	const additionalData = {
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

	const inputItems: INodeExecutionData[] = (options.items ?? [{}]).map((json) => ({ json }));
	const runExecutionData: IRunExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [{ node, data: { main: [inputItems] }, source: null }],
		},
	});

	const execution = new WorkflowExecute(additionalData, 'manual', runExecutionData);
	await execution.processRunExecutionData(workflow);
	const run = await done;

	const nodeRuns = run.data.resultData.runData[NODE_NAME] ?? [];
	const items = nodeRuns[0]?.data?.main?.[0] ?? [];
	const error = nodeRuns[0]?.error ?? run.data.resultData.error;
	return {
		items,
		json: items.map((i) => i.json),
		error,
		requests: options.emulator ? options.emulator.requests.slice(before) : [],
		run,
		store,
	};
}
