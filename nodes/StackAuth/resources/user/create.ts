import type { INodeProperties } from 'n8n-workflow';

import { fieldCollection, show } from '../../shared/descriptions';
import { userFields } from './fields';

export const userCreateDescription: INodeProperties[] = [
	fieldCollection(
		'Additional Fields',
		'additionalFields',
		show('user', 'create'),
		userFields('additionalFields'),
	),
];
