/**
 * What the StackPath node tests share: the emulator's lifecycle, the credential for it, and
 * running any of the seven nodes through n8n-core.
 */
import type {
	IDataObject,
	INodeParameterResourceLocator,
	INodeParameters,
	INodeType,
} from 'n8n-workflow';

import { StackPathApi } from '../../credentials/StackPathApi.credentials';
import type { RecordedRequest } from '../emulators/framework';
import {
	CLIENT_ID,
	CLIENT_SECRET,
	StackPathEmulator,
	type StackPathEmulatorOptions,
} from '../emulators/stackpath';
import { runNode, type RunNodeOptions, type RunNodeResult } from '../harness';
import { STACKPATH_NODES } from './nodes';

const node = (name: string) => STACKPATH_NODES.find((n) => n.name === name)!.node;

export const nodes = {
	stackPath: node('StackPath'),
	cdn: node('StackPathCdn'),
	dns: node('StackPathDns'),
	waf: node('StackPathWaf'),
	edgeCompute: node('StackPathEdgeCompute'),
	objectStorage: node('StackPathObjectStorage'),
	monitoring: node('StackPathMonitoring'),
};

export type NodeName = keyof typeof nodes;

export const credentialTypes = [new StackPathApi()];

let current: StackPathEmulator | undefined;

export function emulator(): StackPathEmulator {
	if (!current) throw new Error('Call useStackPathEmulator() at the top of the test file');
	return current;
}

/** Starts an emulator before the file's tests, resets it before each test and stops it after them. */
export function useStackPathEmulator(options: StackPathEmulatorOptions = {}): {
	readonly emu: StackPathEmulator;
} {
	beforeAll(async () => {
		current = new StackPathEmulator(options);
		await current.start();
	});
	afterAll(async () => {
		await current?.stop();
		current = undefined;
	});
	beforeEach(() => emulator().reset());
	return {
		get emu() {
			return emulator();
		},
	};
}

export function baseUrl(): string {
	return emulator().baseUrl;
}

/** The `stackPathApi` credential data for the running emulator, with `overrides` on top. */
export function credentialData(overrides: IDataObject = {}): IDataObject {
	return {
		gatewayUrl: baseUrl(),
		clientId: CLIENT_ID,
		clientSecret: CLIENT_SECRET,
		accessToken: '',
		...overrides,
	};
}

export const byId = (value: string): INodeParameterResourceLocator => ({
	__rl: true,
	mode: 'id',
	value,
});
export const bySlug = (value: string): INodeParameterResourceLocator => ({
	__rl: true,
	mode: 'slug',
	value,
});

export interface RunOptions
	extends Partial<Omit<RunNodeOptions, 'node' | 'parameters' | 'credentials'>> {
	credentials?: IDataObject;
}

/** Runs one StackPath node against the running emulator. */
export async function run(
	node: NodeName | INodeType,
	parameters: INodeParameters,
	{ credentials: overrides, ...options }: RunOptions = {},
): Promise<RunNodeResult> {
	return await runNode({
		node: typeof node === 'string' ? nodes[node] : node,
		parameters,
		...(options.store ? {} : { credentials: { stackPathApi: credentialData(overrides) } }),
		credentialTypes,
		emulator: emulator(),
		...options,
	});
}

/** `METHOD path` of each request, for exact request checks. */
export const lines = (requests: RecordedRequest[]) => requests.map((r) => `${r.method} ${r.path}`);

export const TOKEN = 'POST /identity/v1/oauth2/token';
