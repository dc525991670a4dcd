import type { INodeProperties } from 'n8n-workflow';

import { show, teamLocator } from '../../shared/descriptions';

export const teamGetDescription: INodeProperties[] = [teamLocator(show('team', ['get', 'delete']))];
