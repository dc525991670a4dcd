/**
 * The Stacuity Trigger against the Stacuity emulator, run through n8n's own pieces: its webhook
 * methods in n8n-core's HookContext (as n8n's WebhookService.createWebhookIfNotExists runs them
 * on activation: checkExists, then create when it says false; delete on deactivation), its
 * webhook function in n8n-core's WebhookContext behind a loopback HTTP server that plays n8n's
 * part (a Workflow built per request from the saved static data, as live webhooks build it, and
 * the static data saved again when the webhook function changed it), and its execute() through
 * WorkflowExecute.
 *
 * Deliveries come from the emulator's emitEvent/redeliver: a POST with the event JSON and the
 * handler's `Authorization: Bearer <token>` to every handler subscribed through a map that applies
 * (docs: events, event-handlers).
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { HookContext, WebhookContext } from 'n8n-core';
import type {
	IDataObject,
	INode,
	INodeParameters,
	IWebhookData,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { NodeHelpers, Workflow } from 'n8n-workflow';

import { StacuityTrigger } from '../../nodes/StacuityTrigger/StacuityTrigger.node';
import type { Registration } from '../../nodes/StacuityTrigger/registration';
import { API_TOKEN, CATALOGUE, StacuityState } from '../emulators/stacuity';
import {
	CredentialStore,
	makeAdditionalData,
	runNode,
	settleWebhook,
	TestNodeTypes,
} from '../harness';
import type { RunNodeResult } from '../harness';
import {
	byMoniker,
	credentials,
	credentialTypes,
	expectRequests,
	useStacuityEmulator,
	type ExpectedRequest,
} from './helpers';

const TYPE = 'n8n-nodes-stackpack.stacuityTrigger';
const NODE_NAME = 'Stacuity Trigger';
const NODE_ID = 'stacuity-trigger-node';
const STATIC_KEY = `node:${NODE_NAME}`;
const WEBHOOK_ID = '0d6f3c1a-8a4e-4b7e-9f21-5c3d2e1f0a9b';
const trigger = new StacuityTrigger();
const nodeTypes = new TestNodeTypes([trigger], TYPE);
const methods = trigger.webhookMethods.default;

const env = useStacuityEmulator();

let workflows = 0;
/** A new workflow ID for each use: the delivery memory is per workflow and node, and per process. */
const newWorkflowId = () => `wf-stacuity-trigger-${++workflows}`;

// --- n8n's side -------------------------------------------------------------------------------

/** A deployed workflow as n8n stores it: its trigger's parameters and its saved static data. */
interface Deployed {
	id: string;
	parameters: INodeParameters;
	staticData: IDataObject;
}

function triggerNode(parameters: INodeParameters): INode {
	const node: INode = {
		id: NODE_ID,
		name: NODE_NAME,
		type: TYPE,
		typeVersion: 1,
		position: [0, 0],
		webhookId: WEBHOOK_ID,
		parameters,
		credentials: { stacuityApi: { id: 'stacuityApi-1', name: 'stacuityApi account' } },
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

/** A Workflow as n8n builds one from the stored workflow (static data as loaded, a copy). */
function workflowOf(
	deployed: Deployed,
	staticData: IDataObject = structuredClone(deployed.staticData),
): Workflow {
	return new Workflow({
		id: deployed.id,
		name: 'stacuity events',
		nodes: [triggerNode(deployed.parameters)],
		connections: {},
		active: true,
		nodeTypes,
		settings: {},
		staticData,
	});
}

let server: Server;
let webhookBaseUrl: string;
/** The workflow the loopback n8n serves. */
let live: Deployed | undefined;
/** The items of each execution a delivery started. */
const executions: IDataObject[][] = [];

function additionalData(): IWorkflowExecuteAdditionalData {
	const store = new CredentialStore();
	store.add('stacuityApi', credentials().stacuityApi);
	const data = makeAdditionalData(store, credentialTypes);
	return { ...data, webhookBaseUrl } as IWorkflowExecuteAdditionalData;
}

type Method = 'checkExists' | 'create' | 'delete';

/**
 * Runs webhook methods as n8n does on (de)activation, on a Workflow of the stored workflow, and
 * stores the static data they leave (n8n saves it after activation and deactivation). Returns the
 * requests that reached the emulator.
 */
async function hook(
	deployed: Deployed,
	run: (call: (m: Method) => Promise<boolean>) => Promise<void>,
) {
	const before = env.emu.requests.length;
	const workflow = workflowOf(deployed);
	const context = new HookContext(
		workflow,
		workflow.getNode(NODE_NAME)!,
		additionalData(),
		'trigger',
		'activate',
	);
	try {
		await run(async (m) => await methods[m].call(context));
	} finally {
		deployed.staticData = JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject;
	}
	return { requests: env.emu.requests.slice(before) } as unknown as RunNodeResult;
}

/** WebhookService.createWebhookIfNotExists: checkExists, and create when it says false. */
const activate = async (deployed: Deployed) =>
	await hook(deployed, async (call) => {
		if (!(await call('checkExists'))) await call('create');
	});

const deactivate = async (deployed: Deployed) =>
	await hook(deployed, async (call) => {
		await call('delete');
	});

const registration = (deployed: Deployed) =>
	(deployed.staticData[STATIC_KEY] as IDataObject | undefined)?.registration as
		| Registration
		| undefined;

function deploy(parameters: INodeParameters): Deployed {
	return { id: newWorkflowId(), parameters, staticData: {} };
}

/** The production URL of the trigger, as n8n computes it. */
const urlOf = (deployed: Deployed) =>
	NodeHelpers.getNodeWebhookUrl(
		`${webhookBaseUrl}`,
		deployed.id,
		triggerNode(deployed.parameters),
		'webhook',
		false,
	);

/**
 * What n8n does with a production webhook request (webhook-helpers.js executeWebhook): parse a
 * JSON body, run the node's webhook function, and answer with the node's webhookResponse (200)
 * unless the node answered itself; the static data saved in n8n's order (settleWebhook).
 */
async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	if (!live || req.method !== 'POST' || req.url !== `/webhook/${WEBHOOK_ID}/webhook`) {
		res.writeHead(404).end();
		return;
	}
	const rawBody = Buffer.concat(chunks);
	const deployed = live;
	const loaded = structuredClone(deployed.staticData);
	const workflow = workflowOf(deployed, loaded);
	const node = workflow.getNode(NODE_NAME)!;
	let body: unknown = {};
	if (String(req.headers['content-type']).includes('json') && rawBody.length)
		body = JSON.parse(rawBody.toString('utf8')) as unknown;
	Object.assign(req, { rawBody, body });
	const data = {
		...additionalData(),
		httpRequest: req,
		httpResponse: res,
	} as unknown as IWorkflowExecuteAdditionalData;
	const webhookData = {
		node: NODE_NAME,
		workflowId: workflow.id,
		httpMethod: 'POST',
		path: `${WEBHOOK_ID}/webhook`,
		webhookDescription: trigger.description.webhooks![0],
		workflowExecuteAdditionalData: data,
	} as unknown as IWebhookData;
	const context = new WebhookContext(workflow, node, data, 'webhook', webhookData, [], null);
	const answer = await trigger.webhook.call(context);
	const answered = settleWebhook(answer, workflow, {
		save: (staticData) => (deployed.staticData = staticData),
		started: (items) => executions.push(items),
		rewrap: () => workflowOf(deployed, loaded),
	});
	if (answered) return;
	res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
	res.end(JSON.stringify(answer.webhookResponse ?? { message: 'Workflow was started' }));
}

beforeAll(async () => {
	server = createServer((req, res) => {
		handle(req, res).catch((error: Error) => res.writeHead(500).end(error.message));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	webhookBaseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`;
});
afterAll(async () => await new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
	live = undefined;
	executions.splice(0);
});

// --- Expectations -----------------------------------------------------------------------------

const HEX16 = /^n8n-[0-9a-f]{16}$/;
const SECRET = /^[0-9a-f]{64}$/;
/** The name of what the trigger creates: the workflow's and the node's names. */
const LABEL = `n8n: stacuity events / ${NODE_NAME}`;

/** The current record (a PUT in the emulator replaces the record object). */
const vslice = (moniker: string) => StacuityState.find(env.emu.state.vslices, moniker)!;
const group = (moniker: string) => StacuityState.find(env.emu.state.endpointGroups, moniker)!;

/** The handler and map records of the emulator, by moniker. */
const monikers = (map: Map<string, { moniker: string }>) => [...map.values()].map((r) => r.moniker);

function createHandlerRequest(deployed: Deployed, reg: Registration): ExpectedRequest {
	return {
		method: 'POST',
		path: '/EventHandlers',
		body: {
			name: LABEL,
			moniker: reg.handlerMoniker,
			eventEndpointType: 'webhook',
			configurationData: {
				webhookConfig: { url: urlOf(deployed), timeout: '5', bearerToken: reg.secret },
			},
		},
	};
}

const subscriptionsOf = (reg: Registration, types: string[]) =>
	types.map((eventTypeId) => ({ eventEndpointId: reg.handlerMoniker, eventTypeId }));

/** Method and path (under /api/v1) of each request. */
const lines = (result: RunNodeResult) =>
	result.requests.map((r) => `${r.method} ${r.path.replace(/^\/api\/v1/, '')}`);

const CHOSEN = ['endpointdatasessioncreatefailed_v1', 'endpointlocationupdated_v1'];

// --- Tests ------------------------------------------------------------------------------------

describe('description', () => {
	test('one POST webhook answered by the node; event types grouped by scope, with monikers', () => {
		expect(trigger.description.webhooks).toEqual([
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				responseData: '',
				path: 'webhook',
			},
		]);
		const types = trigger.description.properties.find((p) => p.name === 'eventTypes')!;
		const names = (types.options as Array<{ name: string; value: string }>).map((o) => o.name);
		expect(names).toContain(
			'Endpoint: Data Session Create Failed (endpointdatasessioncreatefailed_v1)',
		);
		expect(names).toContain('Routing Target: Unavailable (routingtargetunavailable_v1)');
		expect(names).toContain('VPN: Child SA Phase 2 Up (vpnchildsaphase2up_v1)');
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
		expect(names).toHaveLength(30);
		expect(trigger.description.credentials).toEqual([{ name: 'stacuityApi', required: true }]);
	});

	test('the replace notice shows for a VSlice or endpoint group, not for an existing map', () => {
		const notice = trigger.description.properties.find((p) => p.type === 'notice')!;
		expect(notice.displayName).toContain('REPLACES');
		expect(notice.displayOptions).toEqual({ show: { attachTo: ['vslice', 'endpointGroup'] } });
		const attachTo = trigger.description.properties.find((p) => p.name === 'attachTo')!;
		expect(attachTo.default).toBe('eventMap');
		const scope = trigger.description.properties.find((p) => p.name === 'endpointGroupId')!;
		expect(scope.description).toContain('inferred');
	});
});

describe('activation and deactivation', () => {
	test('VSlice: a handler and a new map replacing the current one; deactivation restores it and deletes only what it made', async () => {
		const fleetId = vslice(CATALOGUE.vslices.fleet).id;
		const fleetMap = StacuityState.find(env.emu.state.eventMaps, CATALOGUE.eventMaps.fleet)!;
		const handlersBefore = monikers(env.emu.state.eventHandlers);
		const mapsBefore = monikers(env.emu.state.eventMaps);
		const deployed = deploy({
			attachTo: 'vslice',
			vsliceId: byMoniker(CATALOGUE.vslices.fleet),
			eventTypes: CHOSEN,
		});

		const created = await activate(deployed);
		const reg = registration(deployed)!;
		expect(reg).toEqual({
			webhookUrl: urlOf(deployed),
			handlerId: expect.any(String),
			handlerMoniker: expect.stringMatching(HEX16),
			secret: expect.stringMatching(SECRET),
			mapId: expect.any(String),
			mapMoniker: expect.stringMatching(HEX16),
			attached: { kind: 'vslice', id: fleetId, previousEventMap: CATALOGUE.eventMaps.fleet },
		});
		expectRequests(created, [
			createHandlerRequest(deployed, reg),
			{
				method: 'POST',
				path: '/EventMaps',
				body: { name: LABEL, moniker: reg.mapMoniker, eventScope: 'vslice' },
			},
			{
				method: 'POST',
				path: `/EventMaps/${reg.mapMoniker}/subscriptions`,
				body: subscriptionsOf(reg, CHOSEN),
			},
			{ method: 'GET', path: `/vslices/${CATALOGUE.vslices.fleet}` },
			{
				method: 'PUT',
				path: `/vslices/${fleetId}`,
				body: {
					id: fleetId,
					name: 'Fleet Europe',
					moniker: CATALOGUE.vslices.fleet,
					dnsServers: [],
					eventMap: reg.mapMoniker,
					dnsMode: 'auto',
					ipAddressFamily: 'ipv4',
					subnetAddress: '100.64.0.0/16',
				},
			},
		]);
		const handler = env.emu.state.eventHandlers.get(reg.handlerId)!;
		expect(handler.webhookConfig).toMatchObject({
			url: urlOf(deployed),
			timeout: '5',
			bearerToken: reg.secret,
		});
		expect(vslice(CATALOGUE.vslices.fleet).eventMapId).toBe(reg.mapId);
		expect(
			env.emu.state.eventMaps
				.get(reg.mapId!)!
				.subscriptions.map((s) => [s.eventHandlerId, s.eventType]),
		).toEqual(CHOSEN.map((t) => [reg.handlerId, t]));

		// Activated again (n8n restarts): the handler is there with this URL, nothing is created.
		const again = await activate(deployed);
		expectRequests(again, [{ method: 'GET', path: `/EventHandlers/${reg.handlerId}` }]);
		expect(registration(deployed)).toEqual(reg);

		const removed = await deactivate(deployed);
		expectRequests(removed, [
			{ method: 'GET', path: `/vslices/${fleetId}` },
			{
				method: 'PUT',
				path: `/vslices/${fleetId}`,
				body: {
					id: fleetId,
					name: 'Fleet Europe',
					moniker: CATALOGUE.vslices.fleet,
					dnsServers: [],
					eventMap: CATALOGUE.eventMaps.fleet,
					dnsMode: 'auto',
					ipAddressFamily: 'ipv4',
					subnetAddress: '100.64.0.0/16',
				},
			},
			{ method: 'DELETE', path: `/EventMaps/${reg.mapId}` },
			{ method: 'DELETE', path: `/EventHandlers/${reg.handlerId}` },
		]);
		expect(vslice(CATALOGUE.vslices.fleet).eventMapId).toBe(fleetMap.id);
		expect(monikers(env.emu.state.eventHandlers)).toEqual(handlersBefore);
		expect(monikers(env.emu.state.eventMaps)).toEqual(mapsBefore);
		expect(fleetMap.subscriptions.map((s) => s.eventType)).toEqual([
			'endpointlocationupdated_v1',
			'endpointauthenticated_v1',
		]);
		expect(deployed.staticData[STATIC_KEY]).toEqual({});
	});

	test('endpoint group: a map of scope endpoint (inferred) on a group that had none; deactivation sets none again', async () => {
		const trucksId = group(CATALOGUE.endpointGroups.trucks).id;
		const deployed = deploy({
			attachTo: 'endpointGroup',
			endpointGroupId: byMoniker(CATALOGUE.endpointGroups.trucks),
			eventTypes: ['endpointpurged_v1'],
		});
		const groupBody = (eventMap: string | null) => ({
			id: trucksId,
			name: 'Fleet trucks',
			moniker: CATALOGUE.endpointGroups.trucks,
			eventMap,
			routingPolicy: CATALOGUE.routingPolicies.fleet,
			steeringProfile: CATALOGUE.operatorPolicies.euRoaming,
			regionalGatewayPolicy: CATALOGUE.regionalPolicies.automatic,
			ipAllocationType: 'static',
			vslice: CATALOGUE.vslices.fleet,
		});

		const created = await activate(deployed);
		const reg = registration(deployed)!;
		expect(reg.attached).toEqual({ kind: 'endpointGroup', id: trucksId, previousEventMap: null });
		expectRequests(created, [
			createHandlerRequest(deployed, reg),
			{
				method: 'POST',
				path: '/EventMaps',
				body: { name: LABEL, moniker: reg.mapMoniker, eventScope: 'endpoint' },
			},
			{
				method: 'POST',
				path: `/EventMaps/${reg.mapMoniker}/subscriptions`,
				body: subscriptionsOf(reg, ['endpointpurged_v1']),
			},
			{ method: 'GET', path: `/EndpointGroups/${CATALOGUE.endpointGroups.trucks}` },
			{ method: 'PUT', path: `/EndpointGroups/${trucksId}`, body: groupBody(reg.mapMoniker!) },
		]);
		expect(group(CATALOGUE.endpointGroups.trucks).eventMapId).toBe(reg.mapId);

		const removed = await deactivate(deployed);
		expectRequests(removed, [
			{ method: 'GET', path: `/EndpointGroups/${trucksId}` },
			{ method: 'PUT', path: `/EndpointGroups/${trucksId}`, body: groupBody(null) },
			{ method: 'DELETE', path: `/EventMaps/${reg.mapId}` },
			{ method: 'DELETE', path: `/EventHandlers/${reg.handlerId}` },
		]);
		expect(group(CATALOGUE.endpointGroups.trucks).eventMapId).toBeNull();
		expect(env.emu.state.eventMaps.has(reg.mapId!)).toBe(false);
		expect(env.emu.state.eventHandlers.has(reg.handlerId)).toBe(false);
	});

	test('existing map: only a handler and subscriptions; deactivation deletes the handler alone', async () => {
		const fleetMap = StacuityState.find(env.emu.state.eventMaps, CATALOGUE.eventMaps.fleet)!;
		const deployed = deploy({
			attachTo: 'eventMap',
			eventMapId: byMoniker(CATALOGUE.eventMaps.fleet),
			eventTypes: ['endpointpurged_v1'],
			otherEventTypes: 'endpointkeyvalueupdated_v1, EndpointPurged_v1',
		});

		const created = await activate(deployed);
		const reg = registration(deployed)!;
		expect(reg).toEqual({
			webhookUrl: urlOf(deployed),
			handlerId: expect.any(String),
			handlerMoniker: expect.stringMatching(HEX16),
			secret: expect.stringMatching(SECRET),
			subscribedMap: CATALOGUE.eventMaps.fleet,
		});
		expectRequests(created, [
			createHandlerRequest(deployed, reg),
			{
				method: 'POST',
				path: `/EventMaps/${CATALOGUE.eventMaps.fleet}/subscriptions`,
				body: subscriptionsOf(reg, ['endpointpurged_v1', 'endpointkeyvalueupdated_v1']),
			},
		]);
		expect(fleetMap.subscriptions.map((s) => s.eventType)).toEqual([
			'endpointlocationupdated_v1',
			'endpointauthenticated_v1',
			'endpointpurged_v1',
			'endpointkeyvalueupdated_v1',
		]);

		const removed = await deactivate(deployed);
		expectRequests(removed, [{ method: 'DELETE', path: `/EventHandlers/${reg.handlerId}` }]);
		// The map, its other subscriptions and where it is set stay as they were.
		expect(fleetMap.subscriptions.map((s) => s.eventType)).toEqual([
			'endpointlocationupdated_v1',
			'endpointauthenticated_v1',
		]);
		expect(vslice(CATALOGUE.vslices.fleet).eventMapId).toBe(fleetMap.id);
		expect(monikers(env.emu.state.eventHandlers)).toEqual([
			CATALOGUE.eventHandlers.ops,
			CATALOGUE.eventHandlers.audit,
		]);
	});

	test('a map set on the VSlice since activation is left there; the trigger deletes only its own', async () => {
		const fleetId = vslice(CATALOGUE.vslices.fleet).id;
		const lab = StacuityState.find(env.emu.state.eventMaps, CATALOGUE.eventMaps.lab)!;
		const deployed = deploy({
			attachTo: 'vslice',
			vsliceId: byMoniker(CATALOGUE.vslices.fleet),
			eventTypes: CHOSEN,
		});
		await activate(deployed);
		const reg = registration(deployed)!;
		vslice(CATALOGUE.vslices.fleet).eventMapId = lab.id; // changed in the portal

		const removed = await deactivate(deployed);
		expectRequests(removed, [
			{ method: 'GET', path: `/vslices/${fleetId}` },
			{ method: 'DELETE', path: `/EventMaps/${reg.mapId}` },
			{ method: 'DELETE', path: `/EventHandlers/${reg.handlerId}` },
		]);
		expect(vslice(CATALOGUE.vslices.fleet).eventMapId).toBe(lab.id);
		expect(env.emu.state.eventMaps.has(lab.id)).toBe(true);
	});

	test('its handler deleted outside n8n: checkExists says false and activation replaces the leftovers', async () => {
		const fleetId = vslice(CATALOGUE.vslices.fleet).id;
		const deployed = deploy({
			attachTo: 'vslice',
			vsliceId: byMoniker(CATALOGUE.vslices.fleet),
			eventTypes: CHOSEN,
		});
		await activate(deployed);
		const old = registration(deployed)!;
		env.emu.state.eventHandlers.delete(old.handlerId);

		const again = await activate(deployed);
		const reg = registration(deployed)!;
		expect(reg.handlerId).not.toBe(old.handlerId);
		expect(reg.attached?.previousEventMap).toBe(CATALOGUE.eventMaps.fleet);
		expect(lines(again)).toEqual([
			`GET /EventHandlers/${old.handlerId}`, // 404
			// the leftovers of the first activation
			`GET /vslices/${fleetId}`,
			`PUT /vslices/${fleetId}`,
			`DELETE /EventMaps/${old.mapId}`,
			`DELETE /EventHandlers/${old.handlerId}`, // 404: already gone
			// a new registration
			'POST /EventHandlers',
			'POST /EventMaps',
			`POST /EventMaps/${reg.mapMoniker}/subscriptions`,
			`GET /vslices/${CATALOGUE.vslices.fleet}`,
			`PUT /vslices/${fleetId}`,
		]);
		expect(again.requests[2].body).toMatchObject({ eventMap: CATALOGUE.eventMaps.fleet });
		expect(env.emu.state.eventMaps.has(old.mapId!)).toBe(false);
		expect(vslice(CATALOGUE.vslices.fleet).eventMapId).toBe(reg.mapId);
	});

	test('another webhook URL (n8n moved): checkExists says false without asking Stacuity', async () => {
		const deployed = deploy({
			attachTo: 'eventMap',
			eventMapId: byMoniker(CATALOGUE.eventMaps.lab),
			eventTypes: CHOSEN,
		});
		await activate(deployed);
		const reg = registration(deployed)!;
		deployed.staticData = structuredClone(deployed.staticData);
		(registration(deployed) as IDataObject).webhookUrl = 'https://old.example.com/webhook/x';
		const checked = await hook(deployed, async (call) => {
			expect(await call('checkExists')).toBe(false);
		});
		expect(checked.requests).toEqual([]);
		expect(registration(deployed)!.handlerId).toBe(reg.handlerId);
	});

	test('a failed step: what was made is removed again, and activation fails with Stacuity’s message', async () => {
		const handlers = monikers(env.emu.state.eventHandlers);
		const maps = monikers(env.emu.state.eventMaps);
		const fleetMapId = vslice(CATALOGUE.vslices.fleet).eventMapId;
		const deployed = deploy({
			attachTo: 'vslice',
			vsliceId: byMoniker(CATALOGUE.vslices.fleet),
			eventTypes: ['endpointpurged_v1'],
			otherEventTypes: 'nosuchevent_v1',
		});
		let failure: Error | undefined;
		const result = await hook(deployed, async (call) => {
			await call('create').catch((error: Error) => {
				failure = error;
			});
		});
		expect(failure?.message).toBe("Stacuity: Event type 'nosuchevent_v1' was not found.");
		expect(lines(result)).toEqual([
			'POST /EventHandlers',
			'POST /EventMaps',
			expect.stringMatching(/^POST \/EventMaps\/n8n-[0-9a-f]{16}\/subscriptions$/), // success: false
			expect.stringMatching(/^DELETE \/EventMaps\/[0-9a-f-]{36}$/),
			expect.stringMatching(/^DELETE \/EventHandlers\/[0-9a-f-]{36}$/),
		]);
		expect(monikers(env.emu.state.eventHandlers)).toEqual(handlers);
		expect(monikers(env.emu.state.eventMaps)).toEqual(maps);
		expect(vslice(CATALOGUE.vslices.fleet).eventMapId).toBe(fleetMapId);
		expect(deployed.staticData[STATIC_KEY]).toEqual({});
	});

	test('no event type chosen, or a malformed moniker: activation fails before any request', async () => {
		for (const [parameters, message] of [
			[{ eventTypes: [] }, 'Choose at least one event type'],
			[
				{ eventTypes: [], otherEventTypes: 'endpoint purged!' },
				'Not an event-type moniker: purged!',
			],
		] as const) {
			const deployed = deploy({
				attachTo: 'eventMap',
				eventMapId: byMoniker(CATALOGUE.eventMaps.lab),
				...(parameters as unknown as INodeParameters),
			});
			const result = await hook(deployed, async (call) => {
				await expect(call('create')).rejects.toThrow(message);
			});
			expect(result.requests).toEqual([]);
		}
	});
});

describe('deliveries from Stacuity', () => {
	/** Activated on the fleet VSlice (endpoint truck-001 is in it), served by the loopback n8n. */
	async function activeTrigger(parameters: INodeParameters = {}): Promise<Registration> {
		const deployed = deploy({
			attachTo: 'eventMap',
			eventMapId: byMoniker(CATALOGUE.eventMaps.fleet),
			eventTypes: CHOSEN,
			...parameters,
		});
		await activate(deployed);
		live = deployed;
		return registration(deployed)!;
	}

	const ours = <T extends { handler: string }>(reg: Registration, deliveries: T[]): T[] =>
		deliveries.filter((d) => d.handler === reg.handlerMoniker);

	/** The event IDs in the static data the loopback n8n saved. */
	const savedIds = () =>
		Object.keys(((live!.staticData[STATIC_KEY] as IDataObject).deliveries as IDataObject) ?? {});

	test('an event with the right bearer token: 200 and one execution with the event', async () => {
		const reg = await activeTrigger();
		const eventId = randomUUID();
		const deliveries = await env.emu.emitEvent({
			eventId,
			eventTime: '2025-06-12T10:00:00.000Z',
			eventType: 'endpointdatasessioncreatefailed_v1',
			endpointId: CATALOGUE.endpoints.truck1,
			detail: { apn: 'stacuity', cause: 'USER_AUTHENTICATION_FAILED' },
		});
		expect(ours(reg, deliveries)).toEqual([
			expect.objectContaining({ status: 200, body: '{"received":true}' }),
		]);
		// The event ID is saved by the request that received it, next to the registration.
		expect(registration(live!)).toEqual(reg);
		expect(savedIds()).toEqual([eventId]);
		const truck = StacuityState.find(env.emu.state.endpoints, CATALOGUE.endpoints.truck1)!;
		expect(executions).toEqual([
			[
				{
					eventId,
					eventTime: '2025-06-12T10:00:00.000Z',
					eventType: 'endpointdatasessioncreatefailed_v1',
					endpointId: truck.id,
					detail: { apn: 'stacuity', cause: 'USER_AUTHENTICATION_FAILED' },
				},
			],
		]);
	});

	test('a wrong or missing bearer token: 401 and no execution', async () => {
		const reg = await activeTrigger();
		// Another handler posting to the same URL with its own token, through the same map.
		const impostor = env.emu.seedEventHandler({
			webhookConfig: { url: reg.webhookUrl, bearerToken: 'not-the-secret' },
		});
		StacuityState.find(env.emu.state.eventMaps, CATALOGUE.eventMaps.fleet)!.subscriptions.push({
			id: randomUUID(),
			eventHandlerId: impostor.id,
			eventType: 'endpointlocationupdated_v1',
		});
		const deliveries = await env.emu.emitEvent({
			eventType: 'endpointlocationupdated_v1',
			endpointId: CATALOGUE.endpoints.truck1,
		});
		expect(deliveries.find((d) => d.handler === impostor.moniker)).toMatchObject({
			status: 401,
			body: '{"message":"Authorization is required"}',
		});
		expect(ours(reg, deliveries)).toEqual([expect.objectContaining({ status: 200 })]);
		expect(executions).toHaveLength(1);

		const body = JSON.stringify({
			eventId: randomUUID(),
			eventType: 'endpointlocationupdated_v1',
			detail: {},
		});
		const attempts: Array<Record<string, string>> = [
			{},
			{ authorization: `Basic ${Buffer.from(`x:${reg.secret}`).toString('base64')}` },
			{ authorization: `Bearer ${reg.secret}x` },
			{ authorization: `Bearer ${API_TOKEN}` },
		];
		for (const headers of attempts) {
			const response = await fetch(reg.webhookUrl, {
				method: 'POST',
				headers: { 'content-type': 'application/json', ...headers },
				body,
			});
			expect(response.status).toBe(401);
			expect(response.headers.get('www-authenticate')).toBe('Bearer');
		}
		expect(executions).toHaveLength(1);
	});

	test('a redelivery of the same eventId: answered 200, no second execution', async () => {
		const reg = await activeTrigger();
		const [first] = ours(
			reg,
			await env.emu.emitEvent({
				eventType: 'endpointlocationupdated_v1',
				endpointId: CATALOGUE.endpoints.truck2,
			}),
		);
		expect(first).toMatchObject({ status: 200, body: '{"received":true}' });
		const eventId = env.emu.deliveries.at(-1)!.eventId;
		const saved = structuredClone(live!.staticData);
		const [again] = ours(reg, await env.emu.redeliver(eventId));
		expect(again).toMatchObject({
			status: 200,
			body: JSON.stringify({ received: true, ignored: 'redelivery of an event already received' }),
		});
		expect(executions).toEqual([[expect.objectContaining({ eventId })]]);
		expect(live!.staticData).toEqual(saved);
	});

	test('an event posted directly: answered by the node, 200 JSON; its ID saved, each in turn', async () => {
		const reg = await activeTrigger();
		const ids = [randomUUID(), randomUUID()];
		for (const eventId of ids) {
			const response = await fetch(reg.webhookUrl, {
				method: 'POST',
				headers: { 'content-type': 'application/json', authorization: `Bearer ${reg.secret}` },
				body: JSON.stringify({ eventId, eventType: 'endpointlocationupdated_v1', detail: {} }),
			});
			expect(response.status).toBe(200);
			expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
			expect(await response.text()).toBe('{"received":true}');
		}
		expect(executions.map((items) => items.map((i) => i.eventId))).toEqual([[ids[0]], [ids[1]]]);
		expect(savedIds()).toEqual(ids);
		expect(registration(live!)).toEqual(reg);
	});

	test('an event of a type not chosen (subscribed in the portal since): 200, ignored', async () => {
		const reg = await activeTrigger();
		StacuityState.find(env.emu.state.eventMaps, CATALOGUE.eventMaps.fleet)!.subscriptions.push({
			id: randomUUID(),
			eventHandlerId: reg.handlerId,
			eventType: 'endpointpurged_v1',
		});
		const [delivery] = ours(
			reg,
			await env.emu.emitEvent({
				eventType: 'endpointpurged_v1',
				endpointId: CATALOGUE.endpoints.truck1,
			}),
		);
		expect(delivery).toMatchObject({
			status: 200,
			body: JSON.stringify({
				received: true,
				ignored: 'event type endpointpurged_v1 is not selected',
			}),
		});
		expect(executions).toEqual([]);
	});

	test('two different events both start the workflow; a type from Other Event Types too', async () => {
		const reg = await activeTrigger({ otherEventTypes: 'endpointkeyvalueupdated_v1' });
		await env.emu.emitEvent({
			eventType: 'endpointlocationupdated_v1',
			endpointId: CATALOGUE.endpoints.truck1,
		});
		await env.emu.emitEvent({
			eventType: 'endpointdatasessioncreatefailed_v1',
			endpointId: CATALOGUE.endpoints.truck2,
		});
		await env.emu.setKeyValue(CATALOGUE.endpoints.truck1, 'firmware', '1.5.0');
		expect(
			env.emu.deliveries.filter((d) => d.handler === reg.handlerMoniker).map((d) => d.status),
		).toEqual([200, 200, 200]);
		expect(executions.map((items) => items.map((i) => i.eventType))).toEqual([
			['endpointlocationupdated_v1'],
			['endpointdatasessioncreatefailed_v1'],
			['endpointkeyvalueupdated_v1'],
		]);
		expect(executions[2][0].detail).toEqual({ key: 'firmware', value: '1.5.0' });
		expect(new Set(executions.map((items) => items[0].eventId)).size).toBe(3);
	});

	test('a routing-target event carries routingTargetId', async () => {
		const reg = await activeTrigger({ eventTypes: ['routingtargetunavailable_v1'] });
		// The target is in the fleet VSlice, whose map the trigger subscribed to.
		const target = StacuityState.find(
			env.emu.state.routingTargets,
			CATALOGUE.routingTargets.internet,
		)!;
		const [delivery] = ours(
			reg,
			await env.emu.emitEvent({
				eventType: 'routingtargetunavailable_v1',
				routingTargetId: target.id,
			}),
		);
		expect(delivery.status).toBe(200);
		expect(executions).toEqual([
			[
				{
					eventId: expect.any(String),
					eventTime: expect.any(String),
					eventType: 'routingtargetunavailable_v1',
					routingTargetId: target.id,
					detail: {},
				},
			],
		]);
	});

	test('a body that is not a Stacuity event: 400', async () => {
		const reg = await activeTrigger();
		const response = await fetch(reg.webhookUrl, {
			method: 'POST',
			headers: { 'content-type': 'application/json', authorization: `Bearer ${reg.secret}` },
			body: JSON.stringify({ message: 'webhook test' }),
		});
		expect(response.status).toBe(400);
		expect(executions).toEqual([]);
	});
});

describe('the execution', () => {
	test('passes the items on with pairedItem and saves no static data', async () => {
		const item = (eventId: string) => ({
			eventId,
			eventTime: null,
			eventType: 'endpointpurged_v1',
			detail: {},
		});
		const parameters = {
			attachTo: 'eventMap',
			eventMapId: byMoniker(CATALOGUE.eventMaps.fleet),
			eventTypes: ['endpointpurged_v1'],
		};
		// From the workflow's static data (registration and IDs saved earlier; the harness names
		// the node 'Node under test') and from an empty object, as on a queue-mode worker.
		const stored: IDataObject = {
			'node:Node under test': {
				registration: { webhookUrl: 'https://n8n.example.com/webhook/x', handlerId: 'h-1' },
				deliveries: { 'evt-0': Math.floor(Date.now() / 1000) - 60 },
			},
		};
		for (const staticData of [structuredClone(stored), undefined]) {
			const result = await runNode({
				node: trigger,
				typeName: TYPE,
				parameters,
				mode: 'webhook',
				items: [item('evt-1'), item('evt-2')],
				staticData,
			});
			expect(result.error).toBeUndefined();
			expect(result.json).toEqual([item('evt-1'), item('evt-2')]);
			expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
			expect(result.savedStaticData).toBeUndefined();
		}
	});
});
