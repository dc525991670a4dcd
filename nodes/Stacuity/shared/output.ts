import type { IDataObject } from 'n8n-workflow';

/** A create's answer `{success, messages, data: "<new id>"}` as `{id, messages}` (stacuity/models/*.go *Response). */
export const created = (record: IDataObject): IDataObject => ({
	id: record.data,
	messages: record.messages,
});

/** An update's answer `{success, messages, data}` as `{success, id, messages}` (`data` as the ID is inferred). */
export const updated = (record: IDataObject): IDataObject => ({
	success: record.success === true,
	id: record.data,
	messages: record.messages,
});
