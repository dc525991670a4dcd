/**
 * The ComputeStacks Trigger, run through n8n's own pieces: its webhook function in n8n-core's
 * WebhookContext on an n8n-workflow Workflow (as n8n's live webhooks build one per request from
 * the stored static data, and save that static data when the node answered the request itself),
 * its execute() through WorkflowExecute (whose end hook hands n8n the static data it saves), and
 * once behind a loopback HTTP server that plays n8n's part for real requests sent the way
 * ComputeStacks sends them.
 *
 * What ComputeStacks sends (controller 9.3.1): POST with `Accept: application/json` and
 * `Content-Type: application/json; charset=UTF-8`, no credentials (app/services/web_hook_service.rb);
 * users and billing-event webhooks with an empty body (WebHookService#initialize leaves `data`
 * nil), billing usage as the JSON array the monthly aggregation stored.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { WebhookContext } from 'n8n-core';
import type {
	IDataObject,
	INode,
	INodeParameters,
	IWebhookData,
	IWebhookResponseData,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { NodeHelpers, Workflow } from 'n8n-workflow';

import { ComputeStacksWebhookApi } from '../../credentials/ComputeStacksWebhookApi.credentials';
import { ComputeStacksTrigger } from '../../nodes/ComputeStacksTrigger/ComputeStacksTrigger.node';
import { billingEventType, type WebhookKind } from '../../nodes/ComputeStacksTrigger/payload';
import { startComputeStacksEmulator, type ComputeStacksEmulator } from '../emulators/computestacks';
import {
	CredentialStore,
	RecordedResponse,
	runNode,
	settleWebhook,
	TestCredentialsHelper,
	TestNodeTypes,
} from '../harness';

const TYPE = 'n8n-nodes-stackpack.computeStacksTrigger';
/** The harness's runNode names its node so; the webhook side uses the same node. */
const NODE_NAME = 'Node under test';
const NODE_ID = 'node-under-test';
const STATIC_KEY = `node:${NODE_NAME}`;
const WEBHOOK_ID = '5b0c3a8e-3f0e-4a51-9d0b-6a1f3f2c9e11';
const CREDENTIAL = 'computeStacksWebhookApi';
const trigger = new ComputeStacksTrigger();
const nodeTypes = new TestNodeTypes([trigger], TYPE);
const credentialTypes = [new ComputeStacksWebhookApi()];

/** WebHookService#perform headers (http.rb canonicalises the symbol keys). */
const CS_HEADERS = {
	accept: 'application/json',
	'content-type': 'application/json; charset=UTF-8',
};

let workflows = 0;
/** A new workflow ID for each use: the delivery memory is per workflow and node, and per process. */
const newWorkflowId = () => `wf-cs-trigger-${++workflows}`;

// --- Bodies as ComputeStacks renders them ------------------------------------------------------

/** api/admin/subscriptions/billing_events/show.rabl; `overrides` set the recorded change. */
function billingEvent(overrides: IDataObject = {}): IDataObject {
	return {
		id: 55,
		from_status: null,
		to_status: null,
		from_phase: null,
		to_phase: null,
		from_resource_qty: null,
		to_resource_qty: null,
		created_at: '2024-03-05T10:00:00.000Z',
		updated_at: '2024-03-05T10:00:00.000Z',
		subscription: {
			id: 9,
			label: 'wordpress-1',
			external_id: null,
			active: true,
			run_rate: 4.99,
			user: {
				id: 7,
				full_name: 'Jane Doe',
				email: 'jane@example.com',
				external_id: null,
				labels: {},
			},
		},
		...overrides,
	};
}

const NEW_SUBSCRIPTION = { from_status: false, to_status: true };
const CANCELLATION = { from_status: true, to_status: false };

/** api/admin/users/show.v50.rabl (abridged). */
const USER = {
	id: 7,
	fname: 'Jane',
	lname: 'Doe',
	email: 'jane@example.com',
	is_admin: false,
	currency: 'USD',
	updated_at: '2024-03-05T10:00:00.000Z',
	billing_plan: { id: 1, name: 'Default' },
};

/** The aggregated usage of app/services/billing_usage_services/aggregate_usage_service.rb. */
function usageRecord(subscriptionId: number): IDataObject {
	return {
		subscription_id: subscriptionId,
		subscription_product_id: 11,
		product: { id: 3, name: 'Small', external_id: 'prod_x' },
		billing_resource: { id: 4, external_id: null, billing_plan_id: 1 },
		container_service_id: 21,
		container_id: 34,
		user: { id: 7, external_id: null, email: 'jane@example.com', labels: {} },
		external_id: null,
		total: 4.99,
		qty: 720.0,
		period_start: '2024-03-01T00:00:00.000Z',
		period_end: '2024-03-31T23:00:00.000Z',
		usage_items: [],
	};
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const nowSeconds = () => Math.floor(Date.now() / 1000);

// --- n8n's side -------------------------------------------------------------------------------

interface Setup {
	webhook: WebhookKind;
	authentication?: 'none' | 'basicAuth' | 'headerAuth';
	events?: string[];
	/** Credential data stored for the node; none: the node has no credential. */
	credential?: IDataObject;
	workflowId?: string;
	staticData?: IDataObject;
}

function triggerNode(setup: Setup): INode {
	const parameters: INodeParameters = { webhook: setup.webhook };
	if (setup.authentication) parameters.authentication = setup.authentication;
	if (setup.events) parameters.events = setup.events;
	const node: INode = {
		id: NODE_ID,
		name: NODE_NAME,
		type: TYPE,
		typeVersion: 1,
		position: [0, 0],
		webhookId: WEBHOOK_ID,
		parameters,
		credentials: setup.credential
			? { [CREDENTIAL]: { id: `${CREDENTIAL}-1`, name: 'proxy credentials' } }
			: {},
	};
	// n8n fills in parameter defaults when a workflow is saved.
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
function workflowOf(setup: Setup): Workflow {
	return new Workflow({
		id: setup.workflowId ?? newWorkflowId(),
		name: 'computestacks trigger',
		nodes: [triggerNode(setup)],
		connections: {},
		active: true,
		nodeTypes,
		settings: {},
		staticData: setup.staticData,
	});
}

interface Answer extends IWebhookResponseData {
	response: RecordedResponse;
}

function credentialsHelper(setup: Setup) {
	const store = new CredentialStore();
	if (setup.credential) store.add(CREDENTIAL, setup.credential as never);
	return new TestCredentialsHelper(store, credentialTypes);
}

function webhookData(
	workflow: Workflow,
	additionalData: IWorkflowExecuteAdditionalData,
): IWebhookData {
	return {
		node: NODE_NAME,
		workflowId: workflow.id,
		httpMethod: 'POST',
		path: `${WEBHOOK_ID}/${String(workflow.getNode(NODE_NAME)!.parameters.webhook)}`,
		webhookDescription: trigger.description.webhooks![0],
		workflowExecuteAdditionalData: additionalData,
	} as unknown as IWebhookData;
}

/** One delivery handled by the node's webhook function in n8n-core's WebhookContext. */
async function deliver(
	workflow: Workflow,
	setup: Setup,
	body: string,
	options: { headers?: Record<string, string>; mode?: WorkflowExecuteMode } = {},
): Promise<Answer> {
	const response = new RecordedResponse();
	const rawBody = Buffer.from(body);
	const additionalData = {
		credentialsHelper: credentialsHelper(setup),
		variables: {},
		httpRequest: {
			method: 'POST',
			headers: { ...CS_HEADERS, 'content-length': String(rawBody.length), ...options.headers },
			rawBody,
			// n8n's body parser parses application/json bodies; an empty one stays unset.
			body: body === '' ? undefined : safeParse(body),
		},
		httpResponse: response,
	} as unknown as IWorkflowExecuteAdditionalData;
	const node = workflow.getNode(NODE_NAME)!;
	const context = new WebhookContext(
		workflow,
		node,
		additionalData,
		options.mode ?? 'webhook',
		webhookData(workflow, additionalData),
		[],
		null,
	);
	return { ...(await trigger.webhook.call(context)), response };
}

function safeParse(body: string): unknown {
	try {
		return JSON.parse(body);
	} catch {
		return body;
	}
}

/** The JSON of the items a delivery started the workflow with. */
const itemsOf = (answer: IWebhookResponseData) =>
	answer.workflowData?.[0].map((item) => item.json) ?? [];
const started = (answer: IWebhookResponseData) => answer.workflowData !== undefined;

/** A delivery that starts the workflow: answered by the node itself, 202 `{"received":true}`. */
function expectAccepted(answer: Answer): void {
	expect(answer.noWebhookResponse).toBe(true);
	expect(answer.webhookResponse).toBeUndefined();
	expect(answer.workflowData).toHaveLength(1);
	expect(answer.workflowData![0].length).toBeGreaterThan(0);
	expect(answer.response.status).toBe(202);
	expect(answer.response.headers).toEqual({ 'Content-Type': 'application/json; charset=utf-8' });
	expect(answer.response.body).toBe('{"received":true}');
}

/** The delivery keys in a Workflow's static data, as n8n saves it (serialised). */
const savedKeys = (staticData: IDataObject | undefined) =>
	Object.keys(
		((JSON.parse(JSON.stringify(staticData ?? {})) as IDataObject)[STATIC_KEY] as IDataObject)
			?.deliveries ?? {},
	);

/** Runs the node's execute() with `items`, as the execution a delivery started. */
async function execute(setup: Setup, items: IDataObject[], mode: WorkflowExecuteMode = 'webhook') {
	return await runNode({
		node: trigger,
		typeName: TYPE,
		parameters: { webhook: setup.webhook },
		mode,
		items,
		staticData: setup.staticData,
	});
}

// --- Tests ------------------------------------------------------------------------------------

describe('description', () => {
	test('one URL per portal setting: the path is the chosen setting, the answer code 202', () => {
		const urls = (['webhook_billing_event', 'webhook_billing_usage', 'webhook_users'] as const).map(
			(webhook) => {
				const workflow = workflowOf({ webhook });
				const node = workflow.getNode(NODE_NAME)!;
				const description = trigger.description.webhooks![0];
				// As WebhookService.getNodeWebhooks evaluates them when n8n activates the workflow.
				const path = workflow.expression.getSimpleParameterValue(
					node,
					description.path,
					'internal',
					{},
				);
				const code = workflow.expression.getSimpleParameterValue(
					node,
					description.responseCode as string,
					'internal',
					{},
					undefined,
					200,
				);
				expect(code).toBe(202);
				expect(description.httpMethod).toBe('POST');
				return NodeHelpers.getNodeWebhookUrl(
					'https://n8n.example.com/webhook',
					workflow.id,
					node,
					String(path),
					false,
				);
			},
		);
		expect(urls).toEqual([
			`https://n8n.example.com/webhook/${WEBHOOK_ID}/webhook_billing_event`,
			`https://n8n.example.com/webhook/${WEBHOOK_ID}/webhook_billing_usage`,
			`https://n8n.example.com/webhook/${WEBHOOK_ID}/webhook_users`,
		]);
	});

	test('the notices name the portal setting, 202, and the empty bodies of 9.3', () => {
		const notices = trigger.description.properties.filter((p) => p.type === 'notice');
		expect(notices.map((n) => n.displayOptions?.show?.webhook)).toEqual([
			['webhook_billing_event'],
			['webhook_billing_usage'],
			['webhook_users'],
		]);
		for (const n of notices) {
			expect(n.displayName).toContain('Administration → Settings → Webhooks');
			expect(n.displayName).toContain('202 Accepted');
		}
		const empty = notices.map((n) => n.displayName.includes('empty body'));
		expect(empty).toEqual([true, false, true]);
		expect(notices[0].displayName).toContain('Webhook Billing Event (webhook_billing_event)');
		const auth = trigger.description.properties.find((p) => p.name === 'authentication')!;
		expect(auth.description).toContain('ComputeStacks itself sends no credentials');
		expect(trigger.description.credentials).toEqual([
			expect.objectContaining({
				name: CREDENTIAL,
				displayOptions: { show: { authentication: ['basicAuth', 'headerAuth'] } },
			}),
		]);
	});

	test('webhook methods succeed without contacting anything (webhooks are portal settings)', async () => {
		const methods = trigger.webhookMethods.default!;
		const self = {} as never;
		expect(await methods.checkExists.call(self)).toBe(true);
		expect(await methods.create.call(self)).toBe(true);
		expect(await methods.delete.call(self)).toBe(true);
	});
});

describe('billing events', () => {
	test('one item: the billing_event record with its event type', async () => {
		const setup: Setup = { webhook: 'webhook_billing_event' };
		const record = billingEvent(NEW_SUBSCRIPTION);
		const answer = await deliver(
			workflowOf(setup),
			setup,
			JSON.stringify({ billing_event: record }),
		);
		expectAccepted(answer);
		expect(itemsOf(answer)).toEqual([{ ...record, event_type: 'new_subscription' }]);
	});

	test('the event type follows what the record changed', () => {
		const type = (o: IDataObject) => billingEventType(billingEvent(o));
		// Subscription#trigger_create_event, #toggle_active_event
		expect(type(NEW_SUBSCRIPTION)).toBe('new_subscription');
		// Subscription#toggle_active_event, ContainerSubscription#save_subscription
		expect(type(CANCELLATION)).toBe('cancellation');
		// Subscription#new_package!: the product children are rendered only when set
		expect(
			type({ source_product: { product: null }, destination_product: { product: null } }),
		).toBe('resize');
		// Subscription#new_resource_qty! (decimal columns render as strings)
		expect(type({ from_resource_qty: '1.0', to_resource_qty: '2.0' })).toBe('scale');
		// SubscriptionProduct#validate_phase!, PhaseAdvanceWorker
		expect(type({ from_phase: 'trial', to_phase: 'final' })).toBe('phase_transition');
		expect(type({})).toBe('other');
	});

	test('the Events filter: other types are answered and ignored; empty deliveries pass', async () => {
		const setup: Setup = { webhook: 'webhook_billing_event', events: ['cancellation', 'scale'] };
		const workflow = workflowOf(setup);
		const send = async (o: IDataObject, id: number) =>
			await deliver(workflow, setup, JSON.stringify({ billing_event: billingEvent({ ...o, id }) }));

		const ignored = await send(NEW_SUBSCRIPTION, 1);
		expect(started(ignored)).toBe(false);
		expect(ignored.webhookResponse).toEqual({
			received: true,
			ignored: 'billing event of type new_subscription is not selected',
		});
		expect(ignored.response.status).toBeUndefined();
		expect(itemsOf(await send(CANCELLATION, 2))).toEqual([
			expect.objectContaining({ id: 2, event_type: 'cancellation' }),
		]);
		expect(itemsOf(await send({ from_resource_qty: '1.0', to_resource_qty: '2.0' }, 3))).toEqual([
			expect.objectContaining({ id: 3, event_type: 'scale' }),
		]);
		expect(started(await send({ from_phase: 'trial', to_phase: 'final' }, 4))).toBe(false);
		expect(itemsOf(await deliver(workflow, setup, ''))).toEqual([
			{ webhook: 'webhook_billing_event', payload: null, empty_body: true },
		]);
	});
});

describe('billing usage and users', () => {
	test('billing usage: one item per usage record', async () => {
		const setup: Setup = { webhook: 'webhook_billing_usage' };
		const body = JSON.stringify([usageRecord(9), usageRecord(10)]);
		const answer = await deliver(workflowOf(setup), setup, body);
		expectAccepted(answer);
		expect(itemsOf(answer)).toEqual([
			{ ...usageRecord(9), body_sha256: sha256(body) },
			{ ...usageRecord(10), body_sha256: sha256(body) },
		]);
	});

	test('billing usage with no records: one item marking the empty list', async () => {
		const setup: Setup = { webhook: 'webhook_billing_usage' };
		const answer = await deliver(workflowOf(setup), setup, '[]');
		expect(itemsOf(answer)).toEqual([{ empty_list: true, body_sha256: sha256('[]') }]);
	});

	test('users: the user record', async () => {
		const setup: Setup = { webhook: 'webhook_users' };
		const body = JSON.stringify({ user: USER });
		const answer = await deliver(workflowOf(setup), setup, body);
		expect(itemsOf(answer)).toEqual([{ ...USER, body_sha256: sha256(body) }]);
	});

	test.each(['webhook_billing_event', 'webhook_billing_usage', 'webhook_users'] as const)(
		'%s with an empty body: one item with payload null',
		async (webhook) => {
			const setup: Setup = { webhook };
			const answer = await deliver(workflowOf(setup), setup, '');
			expectAccepted(answer);
			expect(itemsOf(answer)).toEqual([{ webhook, payload: null, empty_body: true }]);
		},
	);
});

describe('bodies the trigger refuses', () => {
	test('a body that is not JSON: 400 and no execution', async () => {
		const setup: Setup = { webhook: 'webhook_users' };
		const answer = await deliver(workflowOf(setup), setup, 'user=7', {
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
		});
		expect(answer.noWebhookResponse).toBe(true);
		expect(started(answer)).toBe(false);
		expect(answer.response.status).toBe(400);
		expect(JSON.parse(answer.response.body ?? '')).toEqual({ message: 'The body is not JSON' });
	});

	test('JSON of another webhook (the URL pasted into the wrong setting): 400', async () => {
		const cases: Array<[WebhookKind, unknown]> = [
			['webhook_users', [usageRecord(9)]],
			['webhook_billing_event', { user: USER }],
			['webhook_billing_usage', { billing_event: billingEvent() }],
			['webhook_billing_usage', [1, 2]],
		];
		for (const [webhook, body] of cases) {
			const setup: Setup = { webhook };
			const answer = await deliver(workflowOf(setup), setup, JSON.stringify(body));
			expect(started(answer)).toBe(false);
			expect(answer.response.status).toBe(400);
			expect(JSON.parse(answer.response.body ?? '').message).toContain(`setting only`);
		}
	});
});

describe('authentication', () => {
	const BASIC = { user: 'proxy', password: 's3cret:with-colon' };
	const HEADER = { headerName: 'X-Webhook-Token', headerSecret: 'tok-123' };
	const basic = (user: string, password: string) =>
		`Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
	const body = JSON.stringify({ user: USER });

	test('none: requests as ComputeStacks sends them (no credentials) are accepted', async () => {
		const setup: Setup = { webhook: 'webhook_users', authentication: 'none' };
		expect(started(await deliver(workflowOf(setup), setup, body))).toBe(true);
	});

	test('basic: the right user and password are accepted', async () => {
		const setup: Setup = {
			webhook: 'webhook_users',
			authentication: 'basicAuth',
			credential: BASIC,
		};
		const answer = await deliver(workflowOf(setup), setup, body, {
			headers: { authorization: basic(BASIC.user, BASIC.password) },
		});
		expectAccepted(answer);
	});

	test('basic: missing or wrong credentials get 401 with WWW-Authenticate, and no execution', async () => {
		const setup: Setup = {
			webhook: 'webhook_users',
			authentication: 'basicAuth',
			credential: BASIC,
		};
		const workflow = workflowOf(setup);
		const tries: Array<[Record<string, string>, string]> = [
			[{}, 'Authorization is required'],
			[{ authorization: basic(BASIC.user, 'wrong') }, 'Authorization data is wrong'],
			[{ authorization: basic('other', BASIC.password) }, 'Authorization data is wrong'],
			[{ authorization: `Bearer ${BASIC.password}` }, 'Authorization is required'],
			[{ [HEADER.headerName.toLowerCase()]: HEADER.headerSecret }, 'Authorization is required'],
		];
		for (const [headers, message] of tries) {
			const answer = await deliver(workflow, setup, body, { headers });
			expect(started(answer)).toBe(false);
			expect(answer.noWebhookResponse).toBe(true);
			expect(answer.response.status).toBe(401);
			expect(answer.response.headers['WWW-Authenticate']).toBe('Basic realm="Webhook"');
			expect(JSON.parse(answer.response.body ?? '')).toEqual({ message });
		}
	});

	test('header: the right header and value are accepted (name case-insensitive)', async () => {
		const setup: Setup = {
			webhook: 'webhook_users',
			authentication: 'headerAuth',
			credential: HEADER,
		};
		const answer = await deliver(workflowOf(setup), setup, body, {
			headers: { 'x-webhook-token': HEADER.headerSecret },
		});
		expect(started(answer)).toBe(true);
	});

	test('header: missing or wrong header gets 403, and no execution', async () => {
		const setup: Setup = {
			webhook: 'webhook_users',
			authentication: 'headerAuth',
			credential: HEADER,
		};
		const workflow = workflowOf(setup);
		const tries: Array<Record<string, string>> = [
			{},
			{ 'x-webhook-token': 'tok-12' },
			{ 'x-webhook-token': `${HEADER.headerSecret} ` },
			{ authorization: basic('x', HEADER.headerSecret) },
		];
		for (const headers of tries) {
			const answer = await deliver(workflow, setup, body, { headers });
			expect(started(answer)).toBe(false);
			expect(answer.response.status).toBe(403);
			expect(answer.response.headers['WWW-Authenticate']).toBeUndefined();
		}
	});

	test('a credential without the values to check against: 500, no execution', async () => {
		const cases: Setup[] = [
			{ webhook: 'webhook_users', authentication: 'basicAuth', credential: HEADER },
			{ webhook: 'webhook_users', authentication: 'headerAuth', credential: BASIC },
			{ webhook: 'webhook_users', authentication: 'basicAuth' },
		];
		for (const setup of cases) {
			const answer = await deliver(workflowOf(setup), setup, body, {
				headers: { authorization: basic(BASIC.user, BASIC.password) },
			});
			expect(started(answer)).toBe(false);
			expect(answer.response.status).toBe(500);
		}
	});

	test('authentication comes first: an unauthenticated bad body gets 401, not 400', async () => {
		const setup: Setup = {
			webhook: 'webhook_users',
			authentication: 'basicAuth',
			credential: BASIC,
		};
		const answer = await deliver(workflowOf(setup), setup, 'not json');
		expect(answer.response.status).toBe(401);
	});

	test('the credential test checks that a complete pair is filled in', async () => {
		const test = trigger.methods.credentialTest.checkWebhookAuth;
		const run = async (data: IDataObject) =>
			await test.call({} as never, { id: '1', name: 'c', type: CREDENTIAL, data } as never);
		expect((await run(BASIC)).status).toBe('OK');
		expect((await run(HEADER)).status).toBe('OK');
		expect((await run({ ...BASIC, ...HEADER })).status).toBe('OK');
		expect(await run({})).toEqual({
			status: 'Error',
			message:
				'Fill in User and Password (Basic Auth) or Header Name and Header Value (Header Auth)',
		});
		expect((await run({ user: 'proxy' })).status).toBe('Error');
		expect((await run({ headerSecret: 'x' })).status).toBe('Error');
		expect(await run({ headerName: 'X Token', headerSecret: 'x' })).toEqual({
			status: 'Error',
			message: '"X Token" is not a valid HTTP header name',
		});
	});
});

describe('redeliveries', () => {
	test('a billing event is recognised by its ID, even with another body', async () => {
		const setup: Setup = { webhook: 'webhook_billing_event', workflowId: newWorkflowId() };
		const first = JSON.stringify({ billing_event: billingEvent({ ...CANCELLATION, id: 70 }) });
		const changed = JSON.stringify({
			billing_event: billingEvent({ ...CANCELLATION, id: 70, updated_at: '2024-03-06T00:00:00Z' }),
		});
		// Every request gets a new Workflow from the stored static data, here left empty (as before
		// the first save reaches the database): the process memory recognises the redelivery.
		expectAccepted(await deliver(workflowOf(setup), setup, first));
		const again = await deliver(workflowOf(setup), setup, changed);
		expect(started(again)).toBe(false);
		expect(again.noWebhookResponse).toBeUndefined();
		expect(again.webhookResponse).toEqual({
			received: true,
			ignored: 'redelivery of a webhook already received',
		});
		expect(again.response.status).toBeUndefined();
		const other = JSON.stringify({ billing_event: billingEvent({ ...CANCELLATION, id: 71 }) });
		expect(started(await deliver(workflowOf(setup), setup, other))).toBe(true);
	});

	test('users and usage are recognised by their exact body', async () => {
		for (const [webhook, body, otherBody] of [
			['webhook_users', { user: USER }, { user: { ...USER, email: 'j@example.com' } }],
			['webhook_billing_usage', [usageRecord(9)], [usageRecord(10)]],
		] as const) {
			const setup: Setup = { webhook, workflowId: newWorkflowId() };
			expect(started(await deliver(workflowOf(setup), setup, JSON.stringify(body)))).toBe(true);
			expect(started(await deliver(workflowOf(setup), setup, JSON.stringify(body)))).toBe(false);
			// The same data with other bytes is another delivery.
			expect(started(await deliver(workflowOf(setup), setup, JSON.stringify(body, null, 1)))).toBe(
				true,
			);
			expect(started(await deliver(workflowOf(setup), setup, JSON.stringify(otherBody)))).toBe(
				true,
			);
		}
	});

	test('empty deliveries are never taken for redeliveries, nor remembered', async () => {
		const setup: Setup = { webhook: 'webhook_users', workflowId: newWorkflowId() };
		const workflows = Array.from({ length: 4 }, () => workflowOf(setup));
		const answers = await Promise.all(
			workflows.map(async (workflow) => await deliver(workflow, setup, '')),
		);
		expect(answers.filter(started)).toHaveLength(4);
		answers.forEach(expectAccepted);
		for (const workflow of workflows) {
			expect(workflow.staticData.__dataChanged).toBe(false);
			expect(savedKeys(workflow.staticData)).toEqual([]);
		}
		const run = await execute(setup, itemsOf(answers[0]));
		expect(run.json).toEqual([{ webhook: 'webhook_users', payload: null, empty_body: true }]);
		expect(run.savedStaticData).toBeUndefined();
	});

	test('deliveries of one billing event at the same time start the workflow once', async () => {
		const setup: Setup = { webhook: 'webhook_billing_event', workflowId: newWorkflowId() };
		const body = JSON.stringify({ billing_event: billingEvent({ ...NEW_SUBSCRIPTION, id: 80 }) });
		const answers = await Promise.all(
			Array.from({ length: 5 }, async () => await deliver(workflowOf(setup), setup, body)),
		);
		expect(answers.filter(started)).toHaveLength(1);
	});

	test('test (manual) deliveries are never remembered', async () => {
		const setup: Setup = { webhook: 'webhook_users', workflowId: newWorkflowId() };
		const body = JSON.stringify({ user: USER });
		expect(started(await deliver(workflowOf(setup), setup, body, { mode: 'manual' }))).toBe(true);
		expect(started(await deliver(workflowOf(setup), setup, body, { mode: 'manual' }))).toBe(true);
		expect(started(await deliver(workflowOf(setup), setup, body))).toBe(true);
	});

	test('a new delivery leaves its key in the static data n8n saves; a redelivery adds nothing', async () => {
		const setup: Setup = { webhook: 'webhook_billing_usage', workflowId: newWorkflowId() };
		const body = JSON.stringify([usageRecord(9)]);
		const key = `webhook_billing_usage:sha256:${sha256(body)}`;
		const first = workflowOf(setup);
		expectAccepted(await deliver(first, setup, body));
		// What n8n saves once the node has answered (live-webhooks.js saveStaticData).
		expect(first.staticData.__dataChanged).toBe(true);
		expect(savedKeys(first.staticData)).toEqual([key]);

		const saved = JSON.parse(JSON.stringify(first.staticData)) as IDataObject;
		const again = workflowOf({ ...setup, staticData: structuredClone(saved) });
		expect(started(await deliver(again, setup, body))).toBe(false);
		expect(again.staticData.__dataChanged).toBe(false);
		expect(JSON.parse(JSON.stringify(again.staticData))).toEqual(saved);
	});

	test('the execution passes the items on with pairedItem and saves no static data', async () => {
		const usageBody = JSON.stringify([usageRecord(9), usageRecord(10)]);
		const billingItem = {
			...billingEvent({ ...CANCELLATION, id: 90 }),
			event_type: 'cancellation',
		};
		const billing = await execute(
			{
				webhook: 'webhook_billing_event',
				staticData: { [STATIC_KEY]: { deliveries: { 'billing_event:89': nowSeconds() } } },
			},
			[billingItem],
		);
		expect(billing.error).toBeUndefined();
		expect(billing.json).toEqual([billingItem]);
		expect(billing.items[0].pairedItem).toEqual({ item: 0 });
		expect(billing.savedStaticData).toBeUndefined();
		const usageItems = JSON.parse(usageBody).map((r: IDataObject) => ({
			...r,
			body_sha256: sha256(usageBody),
		}));
		// From an empty static data object, as on a queue-mode worker.
		const usage = await execute({ webhook: 'webhook_billing_usage' }, usageItems);
		expect(usage.error).toBeUndefined();
		expect(usage.json).toEqual(usageItems);
		expect(usage.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(usage.savedStaticData).toBeUndefined();
	});

	test('a test execution saves nothing', async () => {
		const run = await execute(
			{ webhook: 'webhook_users' },
			[{ ...USER, body_sha256: 'ab' }],
			'manual',
		);
		expect(run.savedStaticData).toBeUndefined();
	});

	test('after a restart, the saved static data still recognises a redelivery', async () => {
		const setup: Setup = { webhook: 'webhook_billing_event', workflowId: newWorkflowId() };
		const body = JSON.stringify({ billing_event: billingEvent({ ...CANCELLATION, id: 4242 }) });
		const workflow = workflowOf(setup);
		expectAccepted(await deliver(workflow, setup, body));
		// The static data the webhook function wrote, as n8n saves it once the node has answered.
		expect(workflow.staticData.__dataChanged).toBe(true);
		const saved = JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject;
		expect(savedKeys(saved)).toEqual(['billing_event:4242']);

		// A new process: the node's modules loaded afresh, so the in-memory store is empty.
		const deliverInNewProcess = async (staticData: IDataObject | undefined) => {
			let fresh: ComputeStacksTrigger | undefined;
			jest.isolateModules(() => {
				const { ComputeStacksTrigger: Fresh } = jest.requireActual(
					'../../nodes/ComputeStacksTrigger/ComputeStacksTrigger.node',
				) as typeof import('../../nodes/ComputeStacksTrigger/ComputeStacksTrigger.node');
				fresh = new Fresh();
			});
			expect(fresh!.constructor).not.toBe(ComputeStacksTrigger);
			const workflow = workflowOf({ ...setup, staticData });
			const additionalData = {
				credentialsHelper: credentialsHelper(setup),
				variables: {},
				httpRequest: { method: 'POST', headers: CS_HEADERS, rawBody: Buffer.from(body) },
				httpResponse: new RecordedResponse(),
			} as unknown as IWorkflowExecuteAdditionalData;
			const context = new WebhookContext(
				workflow,
				workflow.getNode(NODE_NAME)!,
				additionalData,
				'webhook',
				webhookData(workflow, additionalData),
				[],
				null,
			);
			return await fresh!.webhook.call(context);
		};
		// With the saved static data the redelivery starts nothing.
		expect(started(await deliverInNewProcess(structuredClone(saved)))).toBe(false);
		// Control: a new process without the saved data would take it for new.
		expect(started(await deliverInNewProcess(undefined))).toBe(true);
	});
});

describe('over HTTP, sent as ComputeStacks sends it', () => {
	let server: Server;
	let baseUrl = '';
	const executions: IDataObject[][] = [];
	const setups: Record<WebhookKind, Setup> = {
		webhook_billing_event: { webhook: 'webhook_billing_event', workflowId: newWorkflowId() },
		webhook_billing_usage: { webhook: 'webhook_billing_usage', workflowId: newWorkflowId() },
		webhook_users: {
			webhook: 'webhook_users',
			workflowId: newWorkflowId(),
			authentication: 'headerAuth',
			credential: { headerName: 'X-Proxy-Token', headerSecret: 'from-the-proxy' },
		},
	};

	/**
	 * What n8n does with a production webhook request (webhook-helpers.js executeWebhook): find
	 * the webhook by path, read the raw body, build a Workflow from the stored static data, run the
	 * node's webhook function, and answer with the description's response code and the node's
	 * webhookResponse unless the node answered itself; the static data saved in n8n's order
	 * (settleWebhook).
	 */
	async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const setup = Object.values(setups).find(
			(s) => req.url === `/webhook/${WEBHOOK_ID}/${s.webhook}`,
		);
		if (!setup || req.method !== 'POST') {
			res.writeHead(404).end();
			return;
		}
		// The static data as loaded from the database for this request (none stored yet: undefined).
		const loaded = structuredClone(setup.staticData);
		const workflow = workflowOf({ ...setup, staticData: loaded });
		const node = workflow.getNode(NODE_NAME)!;
		Object.assign(req, { rawBody: Buffer.concat(chunks) });
		const additionalData = {
			credentialsHelper: credentialsHelper(setup),
			variables: {},
			httpRequest: req,
			httpResponse: res,
		} as unknown as IWorkflowExecuteAdditionalData;
		const context = new WebhookContext(
			workflow,
			node,
			additionalData,
			'webhook',
			webhookData(workflow, additionalData),
			[],
			null,
		);
		const answer = await trigger.webhook.call(context);
		const answered = settleWebhook(answer, workflow, {
			save: (staticData) => (setup.staticData = staticData),
			started: (items) => executions.push(items),
			rewrap: () => workflowOf({ ...setup, staticData: loaded }),
		});
		if (answered) return;
		const code = workflow.expression.getSimpleParameterValue(
			node,
			trigger.description.webhooks![0].responseCode as string,
			'webhook',
			{},
			undefined,
			200,
		) as number;
		res.writeHead(code, { 'content-type': 'application/json; charset=utf-8' });
		res.end(JSON.stringify(answer.webhookResponse ?? { message: 'Workflow was started' }));
	}

	beforeAll(async () => {
		server = createServer((req, res) => {
			handle(req, res).catch((error: Error) => {
				res.writeHead(500).end(error.message);
			});
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook/${WEBHOOK_ID}`;
	});
	afterAll(async () => await new Promise<void>((resolve) => server.close(() => resolve())));
	beforeEach(() => executions.splice(0));

	/** WebHookService#perform: POST with its two headers; `body: nil` sends Content-Length 0. */
	const post = async (kind: WebhookKind, body: string, headers: Record<string, string> = {}) => {
		const response = await fetch(`${baseUrl}/${kind}`, {
			method: 'POST',
			headers: { ...CS_HEADERS, ...headers },
			body,
		});
		return { status: response.status, headers: response.headers, body: await response.text() };
	};

	test('billing events and usage: 202 Accepted and one execution each; a redelivery none', async () => {
		const event = JSON.stringify({ billing_event: billingEvent({ ...NEW_SUBSCRIPTION, id: 501 }) });
		const next = JSON.stringify({ billing_event: billingEvent({ ...NEW_SUBSCRIPTION, id: 502 }) });
		const usage = JSON.stringify([usageRecord(9)]);
		const accepted = await post('webhook_billing_event', event);
		expect(accepted).toMatchObject({ status: 202, body: '{"received":true}' });
		expect(accepted.headers.get('content-type')).toBe('application/json; charset=utf-8');
		expect(await post('webhook_billing_usage', usage)).toMatchObject({
			status: 202,
			body: '{"received":true}',
		});
		const again = await post('webhook_billing_event', event);
		expect(again.status).toBe(202);
		expect(JSON.parse(again.body)).toEqual({
			received: true,
			ignored: 'redelivery of a webhook already received',
		});
		expect(await post('webhook_billing_event', next)).toMatchObject({ status: 202 });
		expect(executions).toEqual([
			[expect.objectContaining({ id: 501, event_type: 'new_subscription' })],
			[{ ...usageRecord(9), body_sha256: sha256(usage) }],
			[expect.objectContaining({ id: 502, event_type: 'new_subscription' })],
		]);
		// Each key was saved by the request that received it, 502 into static data stored before.
		expect(savedKeys(setups.webhook_billing_event.staticData)).toEqual([
			'billing_event:501',
			'billing_event:502',
		]);
		expect(savedKeys(setups.webhook_billing_usage.staticData)).toEqual([
			`webhook_billing_usage:sha256:${sha256(usage)}`,
		]);
	});

	test('an empty billing event (ComputeStacks 9.3): 202 and an execution every time', async () => {
		expect((await post('webhook_billing_event', '')).status).toBe(202);
		expect((await post('webhook_billing_event', '')).status).toBe(202);
		expect(executions).toEqual([
			[{ webhook: 'webhook_billing_event', payload: null, empty_body: true }],
			[{ webhook: 'webhook_billing_event', payload: null, empty_body: true }],
		]);
	});

	test('header auth: ComputeStacks alone (no header) gets 403; through the proxy 202', async () => {
		const refused = await post('webhook_users', '');
		expect(refused.status).toBe(403);
		expect(JSON.parse(refused.body)).toEqual({ message: 'Authorization data is wrong' });
		const accepted = await post('webhook_users', '', { 'X-Proxy-Token': 'from-the-proxy' });
		expect(accepted.status).toBe(202);
		expect(executions).toEqual([[{ webhook: 'webhook_users', payload: null, empty_body: true }]]);
	});

	test('a non-JSON body: 400 and no execution', async () => {
		const response = await post('webhook_billing_usage', '<usage/>', {
			'content-type': 'text/xml',
		});
		expect(response.status).toBe(400);
		expect(executions).toEqual([]);
	});

	describe('delivered by the ComputeStacks emulator (WebHookService: any 2xx is delivered)', () => {
		let emu: ComputeStacksEmulator;
		beforeAll(async () => {
			emu = await startComputeStacksEmulator();
		});
		afterAll(async () => await emu.stop());

		test('a billing event and its byte-identical redelivery: both delivered, one execution', async () => {
			const seeded = emu.seedBillingEvent({ from_status: true, to_status: false });
			const url = `${baseUrl}/webhook_billing_event`;
			const first = await emu.deliverWebhook(url, 'billing_event', { retryDelaysMs: [] });
			const again = await emu.deliverWebhook(url, 'billing_event', {
				record: JSON.parse(first.body) as object,
				retryDelaysMs: [],
			});
			expect(again.body).toBe(first.body);
			for (const delivery of [first, again])
				expect(delivery).toMatchObject({ delivered: true, attempts: [{ status: 202 }] });
			expect(executions).toEqual([
				[
					expect.objectContaining({
						...(JSON.parse(first.body) as { billing_event: IDataObject }).billing_event,
						id: seeded.id,
						event_type: 'cancellation',
					}),
				],
			]);
		});

		test('billing usage: one item per aggregate', async () => {
			const result = await emu.deliverWebhook(`${baseUrl}/webhook_billing_usage`, 'billing_usage', {
				retryDelaysMs: [],
			});
			expect(result).toMatchObject({ delivered: true, attempts: [{ status: 202 }] });
			const records = JSON.parse(result.body) as IDataObject[];
			expect(records.length).toBeGreaterThan(0);
			expect(executions).toEqual([
				records.map((record) => ({ ...record, body_sha256: sha256(result.body) })),
			]);
		});

		test('users as 9.3.1 ships them, to a URL behind Header Auth: empty body, 403, sent once', async () => {
			const result = await emu.deliverWebhook(`${baseUrl}/webhook_users`, 'users', {
				asShipped: true,
			});
			expect(result).toEqual({ attempts: [{ status: 403 }], delivered: false, body: '' });
			expect(executions).toEqual([]);
		});
	});
});
