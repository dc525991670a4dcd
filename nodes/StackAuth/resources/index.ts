import type { Resource } from '../../shared/types';
import { user } from './user';

/** Every resource of the Stack Auth node, in picker order (the builder sorts by name). */
export const resources: Resource[] = [user];
