/**
 * The Stack Auth Trigger's memory of delivery IDs, run through n8n's own pieces: the webhook
 * function in n8n-core's WebhookContext on an n8n-workflow Workflow (as n8n's live webhooks
 * build it from the stored static data), and the node's execute() through WorkflowExecute,
 * whose end hook hands n8n the static data it saves. Also n8n's behaviour that makes the
 * webhook function's own writes unreliable.
 */
import { createHmac, randomBytes } from 'node:crypto';

import { WebhookContext } from 'n8n-core';
import type {
	IDataObject,
	INode,
	IWebhookData,
	IWebhookResponseData,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { NodeHelpers, Workflow } from 'n8n-workflow';

import { StackAuthWebhookApi } from '../../credentials/StackAuthWebhookApi.credentials';
import {
	REMEMBER_MAX,
	REMEMBER_SECONDS,
	claimDelivery,
	storeDeliveries,
} from '../../nodes/shared/deliveries';
import { StackAuthTrigger } from '../../nodes/StackAuthTrigger/StackAuthTrigger.node';
import { CredentialStore, runNode, TestCredentialsHelper, TestNodeTypes } from '../harness';

const SECRET = `whsec_${randomBytes(24).toString('base64')}`;
const TYPE = 'n8n-nodes-stackpack.stackAuthTrigger';
const NODE_NAME = 'Stack Auth Trigger';
const STATIC_KEY = `node:${NODE_NAME}`;
const NOW = 1_790_000_000;
const trigger = new StackAuthTrigger();
const nodeTypes = new TestNodeTypes([trigger], TYPE);

let workflows = 0;
/** A new workflow ID for each test: the memory is per workflow and node, and lives per process. */
const newWorkflowId = () => `wf-deliveries-${++workflows}`;

function triggerNode(): INode {
	const node: INode = {
		id: 'trigger-node-1',
		name: NODE_NAME,
		type: TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: { events: ['*'] },
		credentials: { stackAuthWebhookApi: { id: 'stackAuthWebhookApi-1', name: 'hook' } },
	};
	node.parameters =
		NodeHelpers.getNodeParameters(
			trigger.description.properties,
			node.parameters,
			true,
			false,
			node,
			trigger.description,
		) ?? node.parameters;
	return node;
}

/** A Workflow as n8n's live webhooks build one per request, from the stored static data. */
function storedWorkflow(id: string, staticData?: IDataObject): Workflow {
	return new Workflow({
		id,
		name: 'deliveries',
		nodes: [triggerNode()],
		connections: {},
		active: true,
		nodeTypes,
		settings: {},
		staticData,
	});
}

/** One signed delivery handled by the node's webhook function in n8n-core's WebhookContext. */
async function deliver(
	workflow: Workflow,
	svixId: string,
	mode: WorkflowExecuteMode = 'webhook',
): Promise<IWebhookResponseData> {
	const body = JSON.stringify({ type: 'user.created', data: { id: 'u-1' } });
	const timestamp = Math.floor(Date.now() / 1000);
	const key = Buffer.from(SECRET.slice('whsec_'.length), 'base64');
	const signature = createHmac('sha256', key)
		.update(`${svixId}.${timestamp}.${body}`)
		.digest('base64');
	const store = new CredentialStore();
	store.add('stackAuthWebhookApi', { signingSecret: SECRET });
	const response = {
		status: () => response,
		json: () => response,
	};
	const additionalData = {
		credentialsHelper: new TestCredentialsHelper(store, [new StackAuthWebhookApi()]),
		variables: {},
		httpRequest: {
			headers: {
				'svix-id': svixId,
				'svix-timestamp': String(timestamp),
				'svix-signature': `v1,${signature}`,
			},
			rawBody: Buffer.from(body),
			body: JSON.parse(body),
		},
		httpResponse: response,
	} as unknown as IWorkflowExecuteAdditionalData;
	const node = workflow.getNode(NODE_NAME)!;
	const webhookData = {
		node: NODE_NAME,
		workflowId: workflow.id,
		httpMethod: 'POST',
		path: 'webhook',
		webhookDescription: trigger.description.webhooks![0],
		workflowExecuteAdditionalData: additionalData,
	} as unknown as IWebhookData;
	const context = new WebhookContext(workflow, node, additionalData, mode, webhookData, [], null);
	return await trigger.webhook.call(context);
}

const started = (answer: IWebhookResponseData) => answer.workflowData !== undefined;

describe("n8n's static data and a webhook that starts an execution", () => {
	test('a second Workflow on the same stored object clears the change flag n8n saves by', () => {
		// live-webhooks.js builds the webhook's Workflow on the stored static data; the webhook
		// function changes it; WorkflowRunner.run() then builds another Workflow on the same object
		// (establishContextForPersistence) before live-webhooks.js calls saveStaticData.
		const stored = JSON.parse(`{"${STATIC_KEY}":{"deliveries":{"msg_old":${NOW}}}}`);
		const hook = storedWorkflow('wf-flag', stored);
		(hook.getStaticData('node', hook.getNode(NODE_NAME)!).deliveries as IDataObject).msg_new = NOW;
		expect(hook.staticData.__dataChanged).toBe(true);
		storedWorkflow('wf-flag', stored);
		expect(hook.staticData.__dataChanged).toBe(false);
	});
});

describe('the webhook function', () => {
	test('a message starts the workflow once; its redeliveries start nothing', async () => {
		const id = newWorkflowId();
		// Every request gets a new Workflow from the (here unchanged) stored static data, as in
		// n8n, where the webhook function's writes are not saved.
		expect(started(await deliver(storedWorkflow(id), 'msg_1'))).toBe(true);
		const again = await deliver(storedWorkflow(id), 'msg_1');
		expect(started(again)).toBe(false);
		expect(again.webhookResponse).toEqual({
			received: true,
			ignored: 'redelivery of a message already received',
		});
		expect(started(await deliver(storedWorkflow(id), 'msg_2'))).toBe(true);
	});

	test('deliveries of one message at the same time start the workflow once', async () => {
		const id = newWorkflowId();
		const answers = await Promise.all(
			Array.from({ length: 6 }, async () => await deliver(storedWorkflow(id), 'msg_same')),
		);
		expect(answers.filter(started)).toHaveLength(1);
		const others = await Promise.all(
			['a', 'b', 'c', 'a', 'b', 'c'].map(async (m) => await deliver(storedWorkflow(id), m)),
		);
		expect(others.map(started)).toEqual([true, true, true, false, false, false]);
	});

	test('IDs saved in static data (by another process, or before a restart) are recognised', async () => {
		const saved = { [STATIC_KEY]: { deliveries: { msg_saved: Math.floor(Date.now() / 1000) } } };
		const id = newWorkflowId();
		expect(started(await deliver(storedWorkflow(id, structuredClone(saved)), 'msg_saved'))).toBe(
			false,
		);
		expect(started(await deliver(storedWorkflow(id, structuredClone(saved)), 'msg_new'))).toBe(
			true,
		);
	});

	test('each workflow remembers its own messages; test events are never remembered', async () => {
		const one = newWorkflowId();
		const two = newWorkflowId();
		expect(started(await deliver(storedWorkflow(one), 'msg_x'))).toBe(true);
		expect(started(await deliver(storedWorkflow(two), 'msg_x'))).toBe(true);
		const test = newWorkflowId();
		expect(started(await deliver(storedWorkflow(test), 'msg_t', 'manual'))).toBe(true);
		expect(started(await deliver(storedWorkflow(test), 'msg_t', 'manual'))).toBe(true);
	});
});

describe('the execution', () => {
	const RUN_KEY = 'node:Node under test';
	const item = (svixId: string) => ({ type: 'user.created', data: {}, svixId, timestamp: NOW });

	test('stores the IDs in static data that n8n saves, passing the items on', async () => {
		const result = await runNode({
			node: trigger,
			typeName: TYPE,
			parameters: { events: ['*'] },
			mode: 'webhook',
			items: [item('msg_run')],
			// Saved by an earlier execution a minute ago (the harness names the node 'Node under test').
			staticData: {
				[RUN_KEY]: { deliveries: { msg_earlier: Math.floor(Date.now() / 1000) - 60 } },
			},
		});
		expect(result.error).toBeUndefined();
		expect(result.json).toEqual([item('msg_run')]);
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
		const saved = result.savedStaticData?.[RUN_KEY] as IDataObject;
		expect(Object.keys(saved.deliveries as IDataObject).sort()).toEqual(['msg_earlier', 'msg_run']);
	});

	test('a test execution changes nothing', async () => {
		const result = await runNode({
			node: trigger,
			typeName: TYPE,
			parameters: { events: ['*'] },
			items: [item('msg_manual')],
		});
		expect(result.json).toEqual([item('msg_manual')]);
		expect(result.savedStaticData).toBeUndefined();
	});

	test('what a save holds is what the process knows when n8n writes it', () => {
		const scope = 'wf-order\u0000node';
		const first: IDataObject = {};
		const second: IDataObject = {};
		storeDeliveries(scope, first, ['msg_a'], NOW);
		storeDeliveries(scope, second, ['msg_b'], NOW + 1);
		expect(claimDelivery(scope, {}, 'msg_c', NOW + 2)).toBe(true);
		// The first execution finishes last: its save still holds b and c.
		expect(Object.keys(JSON.parse(JSON.stringify(first)).deliveries)).toEqual([
			'msg_a',
			'msg_b',
			'msg_c',
		]);
	});

	test('memory is bounded: IDs older than a day go, at most REMEMBER_MAX stay', () => {
		const scope = 'wf-bound\u0000node';
		const data: IDataObject = {};
		storeDeliveries(scope, data, ['msg_old'], NOW);
		const ids = Array.from({ length: REMEMBER_MAX + 10 }, (_, i) => `msg_${i}`);
		storeDeliveries(scope, data, ids, NOW + REMEMBER_SECONDS + 1);
		const kept = Object.keys(data.deliveries as IDataObject);
		expect(kept).toHaveLength(REMEMBER_MAX);
		expect(kept).not.toContain('msg_old');
		expect(claimDelivery(scope, {}, 'msg_old', NOW + REMEMBER_SECONDS + 2)).toBe(true);
	});
});
