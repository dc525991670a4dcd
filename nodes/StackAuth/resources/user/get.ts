import type { INodeProperties } from 'n8n-workflow';

import { show, userLocator } from '../../shared/descriptions';

export const userGetDescription: INodeProperties[] = [userLocator(show('user', ['get', 'delete']))];
