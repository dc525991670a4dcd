import type { Operation } from '../../../shared/types';
import { certificateCompletion } from '../../shared/wait';
import { domainLocator } from './fields';

/**
 * POST /api/domains/{domain_id}/verify_dns. The controller looks the domain up by `params[:id]`
 * while the route names it `:domain_id`, so the ID is also sent as the `id` query parameter
 * (without it: 404 "Unknown Domain") (app/controllers/api/domains/verify_dns_controller.rb).
 * The check runs inside the request (LetsEncryptWorkers::ValidateDomainWorker#perform): 202 `{}`
 * when the domain points to the portal, else 422 "Error! Ensure <domain> points to: <ips>.".
 * The certificate is issued later, in the background: that is what Wait for Completion awaits.
 */
export const verifyDns: Operation = {
	name: 'Verify DNS',
	value: 'verifyDns',
	action: 'Verify the DNS of a domain',
	description:
		'Check now that the domain points to its load balancer, so LetsEncrypt can issue its certificate. The check finishes within the request (an error says which addresses the domain must point to); Wait for Completion then waits for the certificate.',
	method: 'POST',
	path: '/domains/{domainId}/verify_dns?id={domainId}',
	sendsBody: false,
	map: (record) => ({ verified: true, ...record }),
	fields: [domainLocator],
	wait: certificateCompletion,
};
