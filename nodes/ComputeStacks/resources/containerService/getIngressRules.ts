import type { Operation } from '../../../shared/types';
import { serviceLocator } from './fields';

/** GET /api/container_services/{id}/ingress_rules, not paginated (app/controllers/api/container_services/ingress_rules_controller.rb). */
export const getIngressRules: Operation = {
	name: 'Get Ingress Rules',
	value: 'getIngressRules',
	action: 'Get ingress rules of a container service',
	description: 'List the ports a service exposes (ingress rules)',
	method: 'GET',
	path: '/container_services/{serviceId}/ingress_rules',
	list: {},
	listKey: 'ingress_rules',
	fields: [serviceLocator],
};
