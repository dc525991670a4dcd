import type { INodeProperties } from 'n8n-workflow';

import { itemsOutput, operation, operationPicker } from '../../shared/descriptions';
import { connectedAccountGetAllDescription } from './getAll';

export const connectedAccountDescription: INodeProperties[] = [
	operationPicker(
		'connectedAccount',
		[
			operation(
				'Get Many',
				'getAll',
				'Get many connected accounts of a user',
				'GET',
				'/connected-accounts/{userId}',
				{
					postReceive: [itemsOutput],
				},
			),
		],
		'getAll',
	),
	...connectedAccountGetAllDescription,
];
