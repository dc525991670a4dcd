import type { IDataObject } from 'n8n-workflow';

/**
 * A metric sample: ComputeStacks sends `{stats: [[time, value], ...]}` for the last 3 hours, one
 * sample per 30 seconds (app/models/concerns/containers/container_metrics.rb). Each sample becomes
 * `{timestamp, <name>}`.
 */
export function sample(name: string): (row: IDataObject) => IDataObject {
	return (row) => {
		if (!Array.isArray(row)) return row;
		const [timestamp, value] = row as IDataObject[keyof IDataObject][];
		return { timestamp, [name]: value };
	};
}
