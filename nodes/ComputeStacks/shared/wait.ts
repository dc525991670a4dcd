import type { IDataObject, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { header } from '../../shared/errors';
import type { Completion, FollowContext } from '../../shared/types';

/** How long before the action's answer its event may have been created (a slow request). */
const RECENT_MS = 30_000;

/** Event log states that are still in progress (app/models/concerns/events/state_manager.rb). */
const ACTIVE = ['pending', 'running'];

/** Order states after which nothing more happens (app/models/concerns/orders/state_manager.rb). */
const ORDER_DONE = ['completed', 'failed', 'cancelled'];

function record(body: unknown, key: string): IDataObject {
	const value = (body as IDataObject | undefined)?.[key];
	return (value && typeof value === 'object' ? value : {}) as IDataObject;
}

/** The text of an event's details, for an error message. */
function detailsText(event: IDataObject): string {
	const details = Array.isArray(event.event_details) ? (event.event_details as IDataObject[]) : [];
	return details
		.map((d) => String(d.data ?? '').trim())
		.filter(Boolean)
		.join(' | ');
}

function eventFailure(context: FollowContext, event: IDataObject): NodeApiError {
	const name = String(event.description || event.locale || `event ${String(event.id)}`);
	const reason = event.state_reason ? `: ${String(event.state_reason)}` : '';
	const details = detailsText(event);
	return new NodeApiError(context.node, event as JsonObject, {
		message: `ComputeStacks event '${name}' ${String(event.status)}${reason}`,
		description: `Event log ${String(event.id)} (${String(event.locale ?? '')}).${
			details ? ` Details: ${details}` : ''
		}`,
		itemIndex: context.itemIndex,
	});
}

/** Where the events of a piece of work are listed, found from the item's values. */
export type EventSource = (
	context: FollowContext,
) => Promise<{ path: string; qs?: IDataObject } | undefined>;

/** The events of the container service in the `serviceId` field (unpaginated, newest first). */
export const serviceEvents =
	(field = 'serviceId'): EventSource =>
	async (context) => ({
		path: `/container_services/${encodeURIComponent(String(context.values[field]))}/events`,
	});

/** The newest events of the project in the `projectId` field (paginated, newest first). */
export const projectEvents =
	(field = 'projectId'): EventSource =>
	async (context) => ({
		path: `/projects/${encodeURIComponent(String(context.values[field]))}/events`,
		qs: { page: 1, per_page: 20 },
	});

/** The events of the service a container belongs to (one request to read the container). */
export const containerEvents =
	(field = 'containerId'): EventSource =>
	async (context) => {
		const id = encodeURIComponent(String(context.values[field]));
		const { body } = await context.request('GET', `/containers/${id}`);
		// app/views/api/containers/_container.rabl: service_id as container_service_id, deployment_id as project_id
		const container = record(body, 'container');
		if (container.container_service_id !== undefined && container.container_service_id !== null)
			return {
				path: `/container_services/${encodeURIComponent(String(container.container_service_id))}/events`,
			};
		if (container.project_id !== undefined && container.project_id !== null)
			return {
				path: `/projects/${encodeURIComponent(String(container.project_id))}/events`,
				qs: { page: 1, per_page: 20 },
			};
		return undefined;
	};

/** The events of the service a volume is mounted in (one request to read the volume). */
export const volumeEvents =
	(field = 'volumeId'): EventSource =>
	async (context) => {
		const id = encodeURIComponent(String(context.values[field]));
		const { body } = await context.request('GET', `/volumes/${id}`);
		// app/views/api/volumes/_vol.rabl: volume_maps[].container_service; the volume's events are
		// linked to its services and projects (app/models/volumes/backup_volume.rb)
		const maps = record(body, 'volume').volume_maps;
		const service = (Array.isArray(maps) ? (maps as IDataObject[]) : [])
			.map((map) => record(map, 'container_service').id)
			.find((serviceId) => serviceId !== undefined && serviceId !== null);
		if (service === undefined) return undefined;
		return { path: `/container_services/${encodeURIComponent(String(service))}/events` };
	};

/**
 * Wait for Completion of an action answered with `202 {}` and no event ID: ComputeStacks creates
 * the action's event log in the request (the controllers call `event_logs.create!` before
 * answering), so the newest event of `codes` in `source` is this action's. It is then polled
 * (GET /api/event_logs/{id}) until it leaves pending/running; a failed or cancelled event is an
 * error naming it and its details. The output is the finished event log.
 */
export function eventCompletion(options: {
	what: string;
	source: EventSource;
	/** The event codes of the action; a function reads them from the item's values. */
	codes: string[] | ((values: Record<string, unknown>) => string[]);
}): Completion {
	return {
		until: `until ComputeStacks has finished ${options.what} (its event log is completed or failed)`,
		async follow(context) {
			const codes =
				typeof options.codes === 'function' ? options.codes(context.values) : options.codes;
			const where = await options.source(context);
			if (!where)
				throw new NodeApiError(
					context.node,
					{ message: 'No event list' },
					{
						message: `ComputeStacks lists no events where ${options.what} could be followed`,
						description:
							'The work was started. ComputeStacks shows its event only on a project or container service, and this object belongs to none; use a Callback URL, or check the portal.',
						itemIndex: context.itemIndex,
					},
				);
			const { body } = await context.request('GET', where.path, where.qs);
			const events = (body as IDataObject | undefined)?.events;
			// An event of this action older than the answer is another run of it (e.g. a resize
			// to the package the service has already queues nothing, and must not return the last
			// resize). The answer's Date header is the server's clock, cut to the second.
			const answered = Date.parse(header(context.headers, 'date') ?? '');
			const event = (Array.isArray(events) ? (events as IDataObject[]) : []).find(
				(e) =>
					codes.includes(String(e.event_code)) &&
					!(Date.parse(String(e.created_at)) < answered - RECENT_MS),
			);
			if (!event)
				// Nothing was queued (e.g. a resize to the package the service already has).
				return { completed: true, event_log: null };
			const id = encodeURIComponent(String(event.id));
			const finished = await context.poll(
				`ComputeStacks event log ${String(event.id)}`,
				async () => {
					const { body } = await context.request('GET', `/event_logs/${id}`);
					const current = record(body, 'event_log');
					return ACTIVE.includes(String(current.status)) ? undefined : current;
				},
			);
			if (finished.status !== 'completed') throw eventFailure(context, finished);
			return finished;
		},
	};
}

/**
 * Wait for Completion of an order: polls GET /api/orders/{id} until it is completed, failed or
 * cancelled (ProcessOrderWorker provisions in the background), then returns the project it
 * created or added to.
 */
export const orderCompletion: Completion = {
	until: 'until the order is provisioned (completed or failed) and return its project',
	async follow(context) {
		const created = record(context.body, 'order');
		const id = encodeURIComponent(String(created.id));
		const order = await context.poll(`ComputeStacks order ${String(created.id)}`, async () => {
			const { body } = await context.request('GET', `/orders/${id}`);
			const current = record(body, 'order');
			return ORDER_DONE.includes(String(current.status)) ? current : undefined;
		});
		const project = record(order, 'project');
		if (order.status !== 'completed') {
			throw new NodeApiError(context.node, order as JsonObject, {
				message: `ComputeStacks order ${String(order.id)} ${String(order.status)}`,
				description: `ComputeStacks could not provision the order${
					project.id !== undefined ? ` (project ${String(project.id)})` : ''
				}. Its events in the portal say why (Orders → ${String(order.id)}).`,
				itemIndex: context.itemIndex,
			});
		}
		if (project.id === undefined || project.id === null) return { order };
		const { body } = await context.request(
			'GET',
			`/projects/${encodeURIComponent(String(project.id))}`,
		);
		return { ...record(body, 'project'), order_id: order.id };
	},
};

/**
 * Wait for Completion of Domain → Verify DNS: the check itself finishes in the request; after it,
 * LetsEncrypt workers issue the certificate in the background. Polls GET /api/domains/{id} until
 * `lets_encrypt` is `active` (app/views/api/domains/_domain.rabl: active once the certificate is,
 * `pending` while LetsEncrypt is enabled without one, `inactive` when it is off) and returns the
 * domain; a domain without LetsEncrypt is returned at once.
 */
export const certificateCompletion: Completion = {
	until: 'until the LetsEncrypt certificate of the domain is active',
	async follow(context) {
		const id = String(context.values.domainId);
		return await context.poll(`The LetsEncrypt certificate of domain ${id}`, async () => {
			const { body } = await context.request('GET', `/domains/${encodeURIComponent(id)}`);
			const domain = record(body, 'domain');
			return domain.lets_encrypt === 'pending' ? undefined : domain;
		});
	},
};
