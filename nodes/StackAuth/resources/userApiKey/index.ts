import type { Resource } from '../../../shared/types';
import { apiKeyResource } from '../../shared/apiKey';

export const userApiKey: Resource = apiKeyResource('user');
