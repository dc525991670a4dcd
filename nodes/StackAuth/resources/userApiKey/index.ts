import { apiKeyDescription } from '../apiKey';

export const userApiKeyDescription = apiKeyDescription('user');
