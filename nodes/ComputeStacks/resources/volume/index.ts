import type { Resource } from '../../../shared/types';
import { createBackup } from './createBackup';
import { deleteBackup } from './deleteBackup';
import { get } from './get';
import { getAll } from './getAll';
import { getBackups } from './getBackups';
import { restore } from './restore';
import { update } from './update';

export const volume: Resource = {
	displayName: 'Volume',
	value: 'volume',
	defaultOperation: 'getAll',
	operations: [createBackup, deleteBackup, get, getAll, getBackups, restore, update],
};
