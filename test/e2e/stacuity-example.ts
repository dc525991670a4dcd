/**
 * What the Stacuity example (examples/stacuity-data-session-alert.json) gives for a failed data
 * session of the catalogue's first truck sent with `detail: { apn: 'fleet.iot' }`: the truck's
 * key/values read from the emulator and the alert shaped from them. Checked in one process
 * (stacuity.e2e) and on a queue-mode worker (queue-mode.queue).
 */
import { output, type Execution, type Json } from './rest';

export function expectExampleAlert(run: Execution, event: Json, truckId: string): void {
	expect(output(run, 'Get key values')).toEqual([
		{ key: 'firmware', value: '1.4.2' },
		{ key: 'odometer', value: '120345' },
	]);
	expect(output(run, 'Shape alert')).toEqual([
		{
			alert: `Data session could not be created for endpoint ${truckId}`,
			endpointId: truckId,
			eventId: event.eventId,
			eventTime: event.eventTime,
			detail: { apn: 'fleet.iot' },
			keyValues: { firmware: '1.4.2', odometer: '120345' },
		},
	]);
}
