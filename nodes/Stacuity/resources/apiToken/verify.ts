import type { IDataObject } from 'n8n-workflow';

import type { Operation } from '../../../shared/types';

/**
 * GET /apitokens/verify answers `{"success": true, "messages": ["Congratulations, your API Token
 * works."]}` (https://readme.stacuity.com/docs/api-overview).
 */
export const verify: Operation = {
	name: 'Verify',
	value: 'verify',
	action: 'Verify the API token',
	description: "Check that the credential's API token works",
	method: 'GET',
	path: '/apitokens/verify',
	map: (record: IDataObject) => ({ success: record.success === true, messages: record.messages }),
};
