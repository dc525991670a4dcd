import type { IDataObject, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { Completion } from '../../../shared/types';

/**
 * Registry states after which ProvisionRegistryWorker changes nothing more: `new` (the default)
 * becomes `deploying`, then `deployed` or `error` (db/schema.rb container_registries.status,
 * app/models/container_registry.rb#deploy!).
 */
const DONE = ['deployed', 'error'];

function registryOf(body: unknown): IDataObject {
	const value = (body as IDataObject | undefined)?.container_registry;
	return (value && typeof value === 'object' ? value : {}) as IDataObject;
}

/**
 * Wait for Completion of Registry → Create: ComputeStacks answers 201 with the new registry and
 * deploys it in the background (RegistryWorkers::ProvisionRegistryWorker; no event log is
 * created), so GET /api/container_registry/{id} is polled until its `status` is deployed or
 * error. An error is a failure naming the registry; the output is the deployed registry.
 */
export const registryCompletion: Completion = {
	until: 'until ComputeStacks has deployed the registry (status deployed or error)',
	async follow(context) {
		const created = registryOf(context.body);
		const id = encodeURIComponent(String(created.id));
		const registry = await context.poll(
			`ComputeStacks container registry ${String(created.id)}`,
			async () => {
				const { body } = await context.request('GET', `/container_registry/${id}`);
				const current = registryOf(body);
				return DONE.includes(String(current.status)) ? current : undefined;
			},
		);
		if (registry.status !== 'deployed')
			throw new NodeApiError(context.node, registry as JsonObject, {
				message: `ComputeStacks could not deploy container registry '${String(
					registry.label ?? registry.name ?? registry.id,
				)}' (status ${String(registry.status)})`,
				description: `Registry ${String(registry.id)} stays in the error state; ComputeStacks logs the reason as a system event ("Container Registry Error"). Delete it and create it again, or ask the portal's administrator.`,
				itemIndex: context.itemIndex,
			});
		return registry;
	},
};
