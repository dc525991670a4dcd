import type { Resource } from '../../../shared/types';
import { apiKeyResource } from '../../shared/apiKey';

export const teamApiKey: Resource = apiKeyResource('team');
