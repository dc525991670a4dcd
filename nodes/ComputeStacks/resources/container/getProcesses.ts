import type { IDataObject } from 'n8n-workflow';

import type { Operation } from '../../../shared/types';
import { containerLocator } from './fields';

/** The columns of `docker top` (app/controllers/api/containers/container_processes_controller.rb). */
const COLUMNS = ['UID', 'PID', 'PPID', 'C', 'STIME', 'TTY', 'TIME', 'CMD'];

/** A process row: an object of the columns, or (from a raw `docker top`) an array of them. */
function processRow(row: IDataObject): IDataObject {
	if (!Array.isArray(row)) return row;
	return Object.fromEntries(
		(row as IDataObject[keyof IDataObject][]).map((value, i) => [
			COLUMNS[i] ?? `column_${i}`,
			value,
		]),
	);
}

/** GET /api/containers/{id}/container_processes: a bare array of `{UID, PID, PPID, C, STIME, TTY, TIME, CMD}`. */
export const getProcesses: Operation = {
	name: 'Get Processes',
	value: 'getProcesses',
	action: 'Get processes of a container',
	description: 'List the processes running inside a container',
	method: 'GET',
	path: '/containers/{containerId}/container_processes',
	list: {},
	map: processRow,
	fields: [containerLocator],
};
