import type { IDataObject } from 'n8n-workflow';

import type { Operation } from '../../../shared/types';
import { API_VERSION } from '../../shared/provider';

/**
 * Adds whether the portal still serves the API version the node sends: `api_available_versions`
 * lists the deprecated and supported VersionCake versions (config/initializers/versioncake_init.rb).
 */
export function versionRecord(record: IDataObject): IDataObject {
	const available = Array.isArray(record.api_available_versions)
		? (record.api_available_versions as unknown[]).map(Number)
		: [];
	return {
		...record,
		node_api_version: API_VERSION,
		node_api_version_available: available.includes(API_VERSION),
	};
}

/**
 * GET /api/version (config/routes/api.rb; the docs' `/version` lacks /api): `{version,
 * api_latest_version, api_available_versions}` (app/controllers/api/application_controller.rb#version).
 */
export const get: Operation = {
	name: 'Get',
	value: 'get',
	action: 'Get the version',
	description: `Get the ComputeStacks version and the API versions the portal serves. api_latest_version is derived from the app version (93 for 9.3.1) and is not an API version; node_api_version_available tells whether version ${API_VERSION}, the one this node sends, is among api_available_versions.`,
	method: 'GET',
	path: '/version',
	map: versionRecord,
};
