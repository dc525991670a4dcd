import type { Resource } from '../../shared/types';
import { container } from './container';
import { containerService } from './containerService';
import { eventLog } from './eventLog';
import { loadBalancer } from './loadBalancer';
import { serviceHostEntry } from './serviceHostEntry';
import { sslCertificate } from './sslCertificate';

export const servicesResources: Resource[] = [
	containerService,
	container,
	serviceHostEntry,
	sslCertificate,
	loadBalancer,
	eventLog,
];
