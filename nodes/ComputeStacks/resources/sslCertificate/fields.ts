import type { Field } from '../../../shared/types';
import { idField } from '../../shared/descriptions';

export const certificateId: Field = idField(
	'Certificate ID',
	'certificateId',
	'The ID of the certificate, as Get Many lists it',
);
