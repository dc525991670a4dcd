import type { INodeProperties } from 'n8n-workflow';

import { fieldCollection, show } from '../../shared/descriptions';
import { isPrimaryField, isVerifiedField, usedForAuthField, valueField } from './fields';

export const contactChannelUpdateDescription: INodeProperties[] = [
	fieldCollection('Update Fields', 'updateFields', show('contactChannel', 'update'), [
		{
			...valueField,
			description: 'The new email address; it becomes unverified unless Is Verified is set',
		},
		isPrimaryField,
		isVerifiedField,
		usedForAuthField,
	]),
];
