import { userLocator } from '../../shared/descriptions';

/** The user whose sessions Get Many lists and Revoke addresses (`user_id` in the query). */
export const sessionUser = userLocator({ description: 'The user the sessions belong to' });
