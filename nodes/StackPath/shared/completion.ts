import type { IDataObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { Completion, FollowContext } from '../../shared/types';
import { GRPC_CODES, detailText } from './errors';

const enc = encodeURIComponent;

/**
 * A purge is done when its `progress` reaches 1 (GET /cdn/v1/stacks/{stack_id}/purge/{purge_id}:
 * "progress … from 0 to 1", cdn.json cdnGetPurgeStatusResponse). StackPath has no wait endpoint
 * for purges, so the status is polled.
 */
export const purgeCompletion: Completion = {
	until: 'until the purge has reached every edge location',
	async follow(context: FollowContext) {
		const id = String((context.body as IDataObject)?.id ?? '');
		const stack = enc(String(context.values.stackId));
		return await context.poll(`purge ${id}`, async () => {
			const { body } = await context.request('GET', `/cdn/v1/stacks/${stack}/purge/${enc(id)}`);
			const progress = Number((body as IDataObject)?.progress ?? 0);
			return progress >= 1 ? { id, progress } : undefined;
		});
	},
};

/** A finished long-running operation: its result, or an error naming its gRPC status. */
function finished(context: FollowContext, operation: IDataObject, deleting: boolean): IDataObject {
	const error = operation.error as IDataObject | undefined;
	if (error && (error.code !== undefined || error.message)) {
		const code = Number(error.code);
		const name = GRPC_CODES[code] ?? String(error.code);
		throw new NodeApiError(context.node, error as never, {
			message: `StackPath operation ${String(operation.name)} failed: ${String(error.message ?? name)} (${name})`,
			description: detailText(error).join(' ') || undefined,
			itemIndex: context.itemIndex,
		});
	}
	if (deleting) return { deleted: true, operation: operation.name as string };
	const response = { ...((operation.response as IDataObject) ?? {}) };
	delete response['@type'];
	return response;
}

/**
 * IPAM allocations and claims answer with a long-running `v1Operation {name, done, error,
 * response}` (stackpath_ipam.oas2.json). It is followed with StackPath's own wait endpoint,
 * `GET /ipam/v1/stacks/{stack_id}/operations/{operation_name}/wait?timeout=`, which answers when
 * the operation is done or the timeout passes, asked again until done.
 */
export function operationCompletion(what: string, deleting = false): Completion {
	return {
		until: `until StackPath has finished the ${what}`,
		async follow(context: FollowContext) {
			let operation = (context.body ?? {}) as IDataObject;
			if (operation.done === true) return finished(context, operation, deleting);
			const name = String(operation.name ?? '');
			const stack = enc(String(context.values.stackId));
			const interval = Math.max(1, Math.round(Number(context.values.pollInterval ?? 5)));
			operation = await context.poll(`operation ${name}`, async () => {
				const { body } = await context.request(
					'GET',
					`/ipam/v1/stacks/${stack}/operations/${enc(name)}/wait`,
					{ timeout: `${interval}s` },
				);
				return (body as IDataObject)?.done === true ? (body as IDataObject) : undefined;
			});
			return finished(context, operation, deleting);
		},
	};
}
