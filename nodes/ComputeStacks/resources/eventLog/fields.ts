import type { Field } from '../../../shared/types';
import { idField } from '../../shared/descriptions';

export const eventId: Field = idField(
	'Event ID',
	'eventId',
	'The ID of the event log, as the event lists show it',
);
