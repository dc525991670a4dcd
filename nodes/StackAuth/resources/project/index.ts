import type { INodeProperties } from 'n8n-workflow';

import { operation, operationPicker } from '../../shared/descriptions';

export const projectDescription: INodeProperties[] = [
	operationPicker(
		'project',
		[
			operation(
				'Get Current',
				'getCurrent',
				'Get the current project',
				'GET',
				'/projects/current',
				{
					description: 'Get the project of the credential, with its configuration',
				},
			),
		],
		'getCurrent',
	),
];
