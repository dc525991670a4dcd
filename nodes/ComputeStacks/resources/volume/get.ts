import type { Operation } from '../../../shared/types';
import { SIMPLE_VOLUME, volumeLocator } from './fields';

/** GET /api/volumes/{id}: `{volume}` with its mounts and template (app/views/api/volumes/_vol.rabl). */
export const get: Operation = {
	name: 'Get',
	value: 'get',
	action: 'Get a volume',
	method: 'GET',
	path: '/volumes/{volumeId}',
	recordKey: 'volume',
	simplify: SIMPLE_VOLUME,
	fields: [volumeLocator],
};
