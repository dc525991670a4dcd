import { userLocator } from '../../shared/descriptions';

/** The member a Get or Update addresses (a path parameter). */
export const memberLocator = userLocator({ description: 'The team member to use' });
