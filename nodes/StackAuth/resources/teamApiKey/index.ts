import { apiKeyDescription } from '../apiKey';

export const teamApiKeyDescription = apiKeyDescription('team');
