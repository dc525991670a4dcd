/**
 * The Stack Auth Trigger's memory of delivery IDs, run through n8n's own pieces: the webhook
 * function in n8n-core's WebhookContext on an n8n-workflow Workflow (as n8n's live webhooks
 * build it from the stored static data, and save that static data when the node answered the
 * request itself), and the node's execute() through WorkflowExecute, whose end hook hands n8n
 * the static data it saves. Also n8n's behaviour that makes a webhook function's writes go
 * unsaved when n8n answers for it.
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
	deliveryScope,
} from '../../nodes/shared/deliveries';
import { StackAuthTrigger } from '../../nodes/StackAuthTrigger/StackAuthTrigger.node';
import {
	CredentialStore,
	RecordedResponse,
	runNode,
	TestCredentialsHelper,
	TestNodeTypes,
} from '../harness';

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

interface Answer extends IWebhookResponseData {
	response: RecordedResponse;
}

/** One signed delivery handled by the node's webhook function in n8n-core's WebhookContext. */
async function deliver(
	workflow: Workflow,
	svixId: string,
	mode: WorkflowExecuteMode = 'webhook',
): Promise<Answer> {
	const body = JSON.stringify({ type: 'user.created', data: { id: 'u-1' } });
	const timestamp = Math.floor(Date.now() / 1000);
	const key = Buffer.from(SECRET.slice('whsec_'.length), 'base64');
	const signature = createHmac('sha256', key)
		.update(`${svixId}.${timestamp}.${body}`)
		.digest('base64');
	const store = new CredentialStore();
	store.add('stackAuthWebhookApi', { signingSecret: SECRET });
	const response = new RecordedResponse();
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
	return { ...(await trigger.webhook.call(context)), response };
}

const started = (answer: IWebhookResponseData) => answer.workflowData !== undefined;

/** A delivery that starts the workflow: answered by the node itself, 200 `{"received":true}`. */
function expectAccepted(answer: Answer, svixId: string): void {
	expect(answer.noWebhookResponse).toBe(true);
	expect(answer.webhookResponse).toBeUndefined();
	expect(answer.workflowData).toEqual([
		[
			{
				json: { type: 'user.created', data: { id: 'u-1' }, svixId, timestamp: expect.any(Number) },
			},
		],
	]);
	expect(answer.response.status).toBe(200);
	expect(answer.response.headers).toEqual({ 'Content-Type': 'application/json; charset=utf-8' });
	expect(answer.response.body).toBe('{"received":true}');
}

/** A redelivery: no execution, and n8n answers with the node's webhookResponse. */
function expectRedelivery(answer: Answer): void {
	expect(started(answer)).toBe(false);
	expect(answer.noWebhookResponse).toBeUndefined();
	expect(answer.webhookResponse).toEqual({
		received: true,
		ignored: 'redelivery of a message already received',
	});
	expect(answer.response.status).toBeUndefined();
	expect(answer.response.body).toBeUndefined();
}

/** The delivery IDs in a Workflow's static data (what n8n would save from it). */
const savedIds = (workflow: Workflow) =>
	Object.keys(
		((JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject)[STATIC_KEY] as IDataObject)
			?.deliveries ?? {},
	);

describe("n8n's static data and a webhook that starts an execution", () => {
	test('a second Workflow on the same stored object clears the change flag n8n saves by', () => {
		// live-webhooks.js builds the webhook's Workflow on the stored static data; the webhook
		// function changes it; when n8n answers with the node's webhookResponse, WorkflowRunner.run()
		// builds another Workflow on the same object (establishContextForPersistence) before
		// live-webhooks.js calls saveStaticData. That is why the trigger answers a delivery that
		// starts the workflow itself: n8n then saves before WorkflowRunner.run().
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
		// Every request gets a new Workflow from the stored static data, here left empty (as before
		// the first save reaches the database): the process memory recognises the redelivery.
		expectAccepted(await deliver(storedWorkflow(id), 'msg_1'), 'msg_1');
		expectRedelivery(await deliver(storedWorkflow(id), 'msg_1'));
		expectAccepted(await deliver(storedWorkflow(id), 'msg_2'), 'msg_2');
	});

	test('a new message leaves the static data changed, holding its ID; a redelivery adds nothing', async () => {
		const id = newWorkflowId();
		const first = storedWorkflow(id);
		expect(first.staticData.__dataChanged).toBe(false);
		expectAccepted(await deliver(first, 'msg_new'), 'msg_new');
		// What n8n saves once the node has answered (live-webhooks.js saveStaticData).
		expect(first.staticData.__dataChanged).toBe(true);
		expect(savedIds(first)).toEqual(['msg_new']);
		const saved = JSON.parse(JSON.stringify(first.staticData)) as IDataObject;
		const at = ((saved[STATIC_KEY] as IDataObject).deliveries as IDataObject).msg_new as number;
		expect(Math.abs(at - Date.now() / 1000)).toBeLessThan(5);

		// The redelivery, on a Workflow built from what was saved: nothing to save.
		const again = storedWorkflow(id, structuredClone(saved));
		expectRedelivery(await deliver(again, 'msg_new'));
		expect(again.staticData.__dataChanged).toBe(false);
		expect(JSON.parse(JSON.stringify(again.staticData))).toEqual(saved);

		// The redelivery on a Workflow without saved IDs (recognised by the memory): nothing either.
		const unsaved = storedWorkflow(id);
		expectRedelivery(await deliver(unsaved, 'msg_new'));
		expect(unsaved.staticData.__dataChanged).toBe(false);
		expect(savedIds(unsaved)).toEqual([]);

		// The next message: saved along with the ID saved before.
		const next = storedWorkflow(id, structuredClone(saved));
		expectAccepted(await deliver(next, 'msg_next'), 'msg_next');
		expect(next.staticData.__dataChanged).toBe(true);
		expect(savedIds(next)).toEqual(['msg_new', 'msg_next']);
	});

	test('a test event leaves the static data unchanged', async () => {
		const workflow = storedWorkflow(newWorkflowId());
		expectAccepted(await deliver(workflow, 'msg_manual', 'manual'), 'msg_manual');
		expect(workflow.staticData.__dataChanged).toBe(false);
		expect(savedIds(workflow)).toEqual([]);
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
		expectRedelivery(await deliver(storedWorkflow(id, structuredClone(saved)), 'msg_saved'));
		const next = storedWorkflow(id, structuredClone(saved));
		expectAccepted(await deliver(next, 'msg_new'), 'msg_new');
		expect(savedIds(next)).toEqual(['msg_saved', 'msg_new']);
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
	const run = async (items: IDataObject[], staticData?: IDataObject) =>
		await runNode({
			node: trigger,
			typeName: TYPE,
			parameters: { events: ['*'] },
			mode: 'webhook',
			items,
			staticData,
		});

	test('passes the items on with pairedItem and saves no static data', async () => {
		// Static data saved earlier (the harness names the node 'Node under test').
		const stored = {
			[RUN_KEY]: { deliveries: { msg_earlier: Math.floor(Date.now() / 1000) - 60 } },
		};
		const result = await run([item('msg_run'), item('msg_run_2')], structuredClone(stored));
		expect(result.error).toBeUndefined();
		expect(result.json).toEqual([item('msg_run'), item('msg_run_2')]);
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(result.savedStaticData).toBeUndefined();

		// Nor from an empty static data object (a queue-mode worker loads none).
		const fromEmpty = await run([item('msg_run_3')]);
		expect(fromEmpty.json).toEqual([item('msg_run_3')]);
		expect(fromEmpty.items[0].pairedItem).toEqual({ item: 0 });
		expect(fromEmpty.savedStaticData).toBeUndefined();
	});

	test('records no ID in the process memory either', async () => {
		await run([item('msg_run_only')]);
		// The harness's workflow 'wf-test' and node 'node-under-test': the ID is still new there.
		const scope = deliveryScope('wf-test', { id: 'node-under-test', name: 'Node under test' });
		expect(claimDelivery(scope, {}, 'msg_run_only', Math.floor(Date.now() / 1000))).toBe(true);
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
});

describe('what the webhook function writes into the static data', () => {
	test('what a save holds is what the process knows when n8n writes it', () => {
		const scope = 'wf-order\u0000node';
		const first: IDataObject = {};
		const second: IDataObject = {};
		expect(claimDelivery(scope, first, 'msg_a', NOW)).toBe(true);
		expect(claimDelivery(scope, second, 'msg_b', NOW + 1)).toBe(true);
		expect(claimDelivery(scope, {}, 'msg_c', NOW + 2)).toBe(true);
		// The first request's save is written last: it still holds b and c.
		expect(JSON.parse(JSON.stringify(first))).toEqual({
			deliveries: { msg_a: NOW, msg_b: NOW + 1, msg_c: NOW + 2 },
		});
		// A redelivery writes nothing into the static data it was given.
		const redelivered: IDataObject = { other: 1 };
		expect(claimDelivery(scope, redelivered, 'msg_a', NOW + 3)).toBe(false);
		expect(redelivered).toEqual({ other: 1 });
	});

	test('IDs saved elsewhere are merged in, and saved again with the new ID', () => {
		const scope = 'wf-merge\u0000node';
		const loaded: IDataObject = { deliveries: { msg_elsewhere: NOW - 10 } };
		expect(claimDelivery(scope, loaded, 'msg_elsewhere', NOW)).toBe(false);
		expect(claimDelivery(scope, loaded, 'msg_here', NOW)).toBe(true);
		expect(JSON.parse(JSON.stringify(loaded))).toEqual({
			deliveries: { msg_elsewhere: NOW - 10, msg_here: NOW },
		});
	});

	test('memory is bounded: IDs older than a day go, at most REMEMBER_MAX stay', () => {
		const scope = 'wf-bound\u0000node';
		const data: IDataObject = {};
		expect(claimDelivery(scope, data, 'msg_old', NOW)).toBe(true);
		const later = NOW + REMEMBER_SECONDS + 1;
		const ids = Array.from({ length: REMEMBER_MAX + 10 }, (_, i) => `msg_${i}`);
		ids.forEach((id, i) => expect(claimDelivery(scope, data, id, later + i)).toBe(true));
		const kept = Object.keys(data.deliveries as IDataObject);
		expect(kept).toHaveLength(REMEMBER_MAX);
		expect(kept).not.toContain('msg_old');
		// The oldest went first.
		expect(kept.sort()).toEqual(ids.slice(10).sort());
		expect(claimDelivery(scope, {}, 'msg_old', later + ids.length)).toBe(true);
		expect(claimDelivery(scope, {}, 'msg_0', later + ids.length)).toBe(true);
	});
});
