/**
 * What StackPath's specs do not say and the generator needs: which node and resource each
 * endpoint belongs to and its name there, the required fields (no request schema in the specs
 * has a `required` list; these come from StackPath's docs and client code), corrected summaries,
 * and the endpoints left out. Keys are `METHOD path` as the specs write them.
 */

export interface ResourceOverlay {
	value: string;
	displayName: string;
	/** Endpoint → operation name in the picker. */
	operations: Record<string, string>;
}

export interface NodeOverlay {
	/** Folder and class name under nodes/. */
	node: string;
	/** The node's name in the editor. */
	displayName: string;
	resources: ResourceOverlay[];
}

export const NODES: NodeOverlay[] = [
	{
		node: 'StackPath',
		displayName: 'StackPath',
		resources: [
			{
				value: 'account',
				displayName: 'Account',
				operations: {
					'GET /identity/v1/accounts/{account_id}': 'Get',
					'GET /identity/v1/accounts/{account_id}/iam/policy': 'Get Policy',
					'PUT /identity/v1/accounts/{account_id}/iam/policy': 'Set Policy',
					'POST /identity/v1/accounts/{account_id}/iam/test': 'Test Permissions',
				},
			},
			{
				value: 'apiCredential',
				displayName: 'API Credential',
				operations: {
					'GET /identity/v1/users/{user_id}/credentials': 'Get Many',
					'POST /identity/v1/users/{user_id}/credentials': 'Create',
					'DELETE /identity/v1/users/{user_id}/credentials/{credential_id}': 'Delete',
					'POST /identity/v1/users/{user_id}/credentials/{credential_id}/rotate': 'Rotate Secret',
				},
			},
			{
				value: 'certificate',
				displayName: 'SSL Certificate',
				operations: {
					'GET /ssl/v1/stacks/{stack_id}/certificates': 'Get Many',
					'GET /ssl/v1/stacks/{stack_id}/certificates/{certificate_id}': 'Get',
					'DELETE /ssl/v1/stacks/{stack_id}/certificates/{certificate_id}': 'Delete',
					'PATCH /ssl/v1/stacks/{stack_id}/certificates/{certificate_id}': 'Update',
					'GET /ssl/v1/stacks/{stack_id}/certificates/{certificate_id}/latest': 'Get Latest',
					'POST /ssl/v1/stacks/{stack_id}/certificates/{certificate_id}/renew': 'Renew',
					'POST /ssl/v1/stacks/{stack_id}/certificates/{certificate_id}/revoke': 'Revoke',
				},
			},
			{
				value: 'stack',
				displayName: 'Stack',
				operations: {
					'GET /stack/v1/stacks': 'Get Many',
					'POST /stack/v1/stacks': 'Create',
					'GET /stack/v1/stacks/{stack_id}': 'Get',
					'PATCH /stack/v1/stacks/{stack_id}': 'Update',
					'GET /stack/v1/stacks/{stack_id}/iam/policy': 'Get Policy',
					'DELETE /stack/v1/stacks/{stack_id}/iam/policy': 'Delete Policy',
					'PUT /stack/v1/stacks/{stack_id}/iam/policy': 'Set Policy',
					'POST /stack/v1/stacks/{stack_id}/iam/test': 'Test Permissions',
				},
			},
			{
				value: 'user',
				displayName: 'User',
				operations: {
					'GET /identity/v1/accounts/{account_id}/users': 'Get Many',
					'POST /identity/v1/accounts/{account_id}/users': 'Create',
					'GET /identity/v1/users/{user_id}': 'Get',
					'DELETE /identity/v1/users/{user_id}': 'Delete',
					'PATCH /identity/v1/users/{user_id}': 'Update',
					'POST /identity/v1/users/{user_id}/change_email': 'Change Email',
				},
			},
		],
	},
	{
		node: 'StackPathCdn',
		displayName: 'StackPath CDN',
		resources: [
			{
				value: 'certificate',
				displayName: 'Certificate',
				operations: {
					'GET /cdn/v1/stacks/{stack_id}/certificates': 'Get Many',
					'POST /cdn/v1/stacks/{stack_id}/certificates': 'Add',
					'GET /cdn/v1/stacks/{stack_id}/certificates/{certificate_id}': 'Get',
					'DELETE /cdn/v1/stacks/{stack_id}/certificates/{certificate_id}': 'Delete',
					'PUT /cdn/v1/stacks/{stack_id}/certificates/{certificate_id}': 'Update',
					'POST /cdn/v1/stacks/{stack_id}/certificates/{certificate_id}/renew': 'Renew',
					'GET /cdn/v1/stacks/{stack_id}/certificates/{certificate_id}/sites': 'Get Sites',
					'GET /cdn/v1/stacks/{stack_id}/certificates/{certificate_id}/verification_details':
						'Get Verification Details',
					'POST /delivery/v1/stacks/{stack_id}/certificates/{certificate_id}/recheck':
						'Recheck Verification',
					'GET /cdn/v1/stacks/{stack_id}/sites/{site_id}/certificates': 'Get Many for Site',
					'POST /cdn/v1/stacks/{stack_id}/sites/{site_id}/certificates/request': 'Request Free',
					'PUT /cdn/v1/stacks/{stack_id}/sites/{site_id}/certificates/{certificate_id}':
						'Connect to Site',
					'PUT /cdn/v1/stacks/{stack_id}/sites/{site_id}/certificates/{certificate_id}/hosts':
						'Update SAN Hosts',
				},
			},
			{
				value: 'deliveryDomain',
				displayName: 'Delivery Domain',
				operations: {
					'GET /delivery/v1/stacks/{stack_id}/sites/{site_id}/delivery_domains': 'Get Many',
					'POST /delivery/v1/stacks/{stack_id}/sites/{site_id}/delivery_domains': 'Add',
					'DELETE /delivery/v1/stacks/{stack_id}/sites/{site_id}/delivery_domains/{domain}':
						'Remove',
				},
			},
			{
				value: 'edgeNetwork',
				displayName: 'Edge Network',
				operations: {
					'GET /cdn/v1/ips': 'Get IP Addresses',
					'GET /cdn/v1/pops': 'Get POPs',
					'GET /cdn/v1/pops/closest': 'Get Closest POPs',
				},
			},
			{
				value: 'metric',
				displayName: 'Metric',
				operations: {
					'GET /cdn/v1/stacks/{stack_id}/metrics': 'Get CDN Metrics',
					'GET /delivery/v1/stacks/{stack_id}/metrics': 'Get Delivery Metrics',
				},
			},
			{
				value: 'origin',
				displayName: 'Origin',
				operations: {
					'GET /delivery/v1/stacks/{stack_id}/origins': 'Get Many',
					'GET /delivery/v1/stacks/{stack_id}/origins/{origin_id}': 'Get',
					'PATCH /delivery/v1/stacks/{stack_id}/origins/{origin_id}': 'Update',
					'POST /cdn/v1/origins/scan': 'Scan',
				},
			},
			{
				value: 'legacyOrigin',
				displayName: 'Origin (2019 API)',
				operations: {
					'GET /cdn/v1/stacks/{stack_id}/origins': 'Get Many',
					'GET /cdn/v1/stacks/{stack_id}/origins/{origin_id}': 'Get',
					'PATCH /cdn/v1/stacks/{stack_id}/origins/{origin_id}': 'Update',
				},
			},
			{
				value: 'purge',
				displayName: 'Purge',
				operations: {
					'POST /cdn/v1/stacks/{stack_id}/purge': 'Purge Content',
					'GET /cdn/v1/stacks/{stack_id}/purge/{purge_id}': 'Get Status',
				},
			},
			{
				value: 'rule',
				displayName: 'EdgeRule',
				operations: {
					'GET /cdn/v1/stacks/{stack_id}/sites/{site_id}/scopes/{scope_id}/rules': 'Get Many',
					'POST /cdn/v1/stacks/{stack_id}/sites/{site_id}/scopes/{scope_id}/rules': 'Create',
					'GET /cdn/v1/stacks/{stack_id}/sites/{site_id}/scopes/{scope_id}/rules/{rule_id}': 'Get',
					'DELETE /cdn/v1/stacks/{stack_id}/sites/{site_id}/scopes/{scope_id}/rules/{rule_id}':
						'Delete',
					'GET /cdn/v1/stacks/{stack_id}/sites/{site_id}/scopes/{scope_id}/rules/{rule_id}/configuration':
						'Get Configuration',
					'PATCH /cdn/v1/stacks/{stack_id}/sites/{site_id}/scopes/{scope_id}/rules/{rule_id}/configuration':
						'Update Configuration',
				},
			},
			{
				value: 'scope',
				displayName: 'Scope',
				operations: {
					'GET /cdn/v1/stacks/{stack_id}/sites/{site_id}/scopes': 'Get Many',
					'POST /cdn/v1/stacks/{stack_id}/sites/{site_id}/scopes': 'Create',
					'DELETE /cdn/v1/stacks/{stack_id}/sites/{site_id}/scopes/{scope_id}': 'Delete',
					'GET /cdn/v1/stacks/{stack_id}/sites/{site_id}/scopes/{scope_id}/configuration':
						'Get Configuration',
					'PATCH /cdn/v1/stacks/{stack_id}/sites/{site_id}/scopes/{scope_id}/configuration':
						'Update Configuration',
					'GET /cdn/v1/stacks/{stack_id}/sites/{site_id}/scopes/{scope_id}/hostnames':
						'Get Hostnames',
					'POST /cdn/v1/stacks/{stack_id}/sites/{site_id}/scopes/{scope_id}/hostnames':
						'Add Hostname',
					'DELETE /cdn/v1/stacks/{stack_id}/sites/{site_id}/scopes/{scope_id}/hostnames/{domain}':
						'Delete Hostname',
					'GET /cdn/v1/stacks/{stack_id}/sites/{site_id}/scopes/{scope_id}/origins': 'Get Origins',
					'POST /cdn/v1/stacks/{stack_id}/sites/{site_id}/scopes/{scope_id}/origins':
						'Connect Origin',
					'DELETE /cdn/v1/stacks/{stack_id}/sites/{site_id}/scopes/{scope_id}/origins/{origin_id}':
						'Disconnect Origin',
					'GET /delivery/v1/stacks/{stack_id}/sites/{site_id}/scopes/{scope_id}/origins':
						'Get Origins (Sites API)',
					'POST /delivery/v1/stacks/{stack_id}/sites/{site_id}/scopes/{scope_id}/origins':
						'Connect Origin (Sites API)',
				},
			},
			{
				value: 'script',
				displayName: 'Serverless Script',
				operations: {
					'GET /cdn/v1/stacks/{stack_id}/sites/{site_id}/scripts': 'Get Many',
					'POST /cdn/v1/stacks/{stack_id}/sites/{site_id}/scripts': 'Create',
					'GET /cdn/v1/stacks/{stack_id}/sites/{site_id}/scripts/{script_id}': 'Get',
					'DELETE /cdn/v1/stacks/{stack_id}/sites/{site_id}/scripts/{script_id}': 'Delete',
					'PATCH /cdn/v1/stacks/{stack_id}/sites/{site_id}/scripts/{script_id}': 'Update',
					'GET /cdn/v1/stacks/{stack_id}/sites/{site_id}/scripts/{script_id}/{script_version}':
						'Get Version',
				},
			},
			{
				value: 'site',
				displayName: 'Site',
				operations: {
					'GET /delivery/v1/stacks/{stack_id}/sites': 'Get Many',
					'POST /delivery/v1/stacks/{stack_id}/sites': 'Create',
					'GET /delivery/v1/stacks/{stack_id}/sites/{site_id}': 'Get',
					'DELETE /delivery/v1/stacks/{stack_id}/sites/{site_id}': 'Delete',
					'POST /delivery/v1/stacks/{stack_id}/sites/{site_id}/cdn': 'Enable CDN',
					'DELETE /delivery/v1/stacks/{stack_id}/sites/{site_id}/cdn': 'Disable CDN',
					'POST /delivery/v1/stacks/{stack_id}/sites/{site_id}/waf': 'Enable WAF',
					'DELETE /delivery/v1/stacks/{stack_id}/sites/{site_id}/waf': 'Disable WAF',
					'POST /delivery/v1/stacks/{stack_id}/sites/{site_id}/scripting': 'Enable Scripting',
					'DELETE /delivery/v1/stacks/{stack_id}/sites/{site_id}/scripting': 'Disable Scripting',
					'GET /cdn/v1/stacks/{stack_id}/sites/{site_id}/dns/targets': 'Get DNS Targets',
				},
			},
			{
				value: 'legacySite',
				displayName: 'Site (2019 API)',
				operations: {
					'GET /cdn/v1/stacks/{stack_id}/sites': 'Get Many',
					'POST /cdn/v1/stacks/{stack_id}/sites': 'Create',
					'GET /cdn/v1/stacks/{stack_id}/sites/{site_id}': 'Get',
					'DELETE /cdn/v1/stacks/{stack_id}/sites/{site_id}': 'Delete',
					'POST /cdn/v1/stacks/{stack_id}/sites/{site_id}/enable': 'Enable',
					'POST /cdn/v1/stacks/{stack_id}/sites/{site_id}/disable': 'Disable',
				},
			},
		],
	},
	{
		node: 'StackPathDns',
		displayName: 'StackPath DNS',
		resources: [
			{
				value: 'discovery',
				displayName: 'Discovery',
				operations: {
					'GET /dns/v1/discovery/{domain}/provider_details': 'Get Provider Details',
					'POST /dns/v1/discovery/{domain}/records': 'Scan Records',
				},
			},
			{
				value: 'metric',
				displayName: 'Metric',
				operations: { 'GET /dns/v1/stacks/{stack_id}/metrics': 'Get' },
			},
			{
				value: 'record',
				displayName: 'Record',
				operations: {
					'GET /dns/v1/stacks/{stack_id}/zones/{zone_id}/records': 'Get Many',
					'POST /dns/v1/stacks/{stack_id}/zones/{zone_id}/records': 'Create',
					'GET /dns/v1/stacks/{stack_id}/zones/{zone_id}/records/{zone_record_id}': 'Get',
					'DELETE /dns/v1/stacks/{stack_id}/zones/{zone_id}/records/{zone_record_id}': 'Delete',
					'PUT /dns/v1/stacks/{stack_id}/zones/{zone_id}/records/{zone_record_id}': 'Replace',
					'PATCH /dns/v1/stacks/{stack_id}/zones/{zone_id}/records/{zone_record_id}': 'Update',
					'POST /dns/v1/stacks/{stack_id}/zones/{zone_id}/bulk/records': 'Create or Update Many',
					'POST /dns/v1/stacks/{stack_id}/zones/{zone_id}/bulk/records/delete': 'Delete Many',
				},
			},
			{
				value: 'zone',
				displayName: 'Zone',
				operations: {
					'GET /dns/v1/stacks/{stack_id}/zones': 'Get Many',
					'POST /dns/v1/stacks/{stack_id}/zones': 'Create',
					'GET /dns/v1/stacks/{stack_id}/zones/{zone_id}': 'Get',
					'DELETE /dns/v1/stacks/{stack_id}/zones/{zone_id}': 'Delete',
					'PUT /dns/v1/stacks/{stack_id}/zones/{zone_id}': 'Update',
					'POST /dns/v1/stacks/{stack_id}/zones/{zone_id}/enable': 'Enable',
					'POST /dns/v1/stacks/{stack_id}/zones/{zone_id}/disable': 'Disable',
					'GET /dns/v1/stacks/{stack_id}/zones/{zone_id}/discover_nameservers': 'Get Nameservers',
					'POST /dns/v1/stacks/{stack_id}/zones/{zone_id}/parse': 'Parse Zone File',
					'POST /dns/v1/stacks/{stack_id}/zones/{zone_id}/repush': 'Publish',
				},
			},
		],
	},
	{
		node: 'StackPathWaf',
		displayName: 'StackPath WAF',
		resources: [
			{
				value: 'certificate',
				displayName: 'Certificate',
				operations: {
					'GET /waf/v1/stacks/{stack_id}/delivery/certificates': 'Get Many',
					'POST /waf/v1/stacks/{stack_id}/delivery/certificates': 'Add',
					'GET /waf/v1/stacks/{stack_id}/delivery/certificates/{certificate_id}': 'Get',
					'DELETE /waf/v1/stacks/{stack_id}/delivery/certificates/{certificate_id}': 'Delete',
					'PUT /waf/v1/stacks/{stack_id}/delivery/certificates/{certificate_id}': 'Update',
					'POST /waf/v1/stacks/{stack_id}/delivery/certificates/{certificate_id}/renew': 'Renew',
					'GET /waf/v1/stacks/{stack_id}/delivery/certificates/{certificate_id}/verification_details':
						'Get Verification Details',
					'GET /waf/v1/stacks/{stack_id}/sites/{site_id}/delivery/certificates':
						'Get Many for Site',
					'POST /waf/v1/stacks/{stack_id}/sites/{site_id}/delivery/certificates/request':
						'Request Free',
					'PUT /waf/v1/stacks/{stack_id}/sites/{site_id}/delivery/certificates/{certificate_id}':
						'Connect to Site',
				},
			},
			{
				value: 'event',
				displayName: 'Event (Legacy)',
				operations: {
					'GET /waf/v1/stacks/{stack_id}/sites/{site_id}/events': 'Get Many',
					'GET /waf/v1/stacks/{stack_id}/sites/{site_id}/events/{event_id}': 'Get',
					'GET /waf/v1/stacks/{stack_id}/sites/{site_id}/event_stats': 'Get Statistics',
				},
			},
			{
				value: 'lookup',
				displayName: 'Lookup',
				operations: {
					'GET /waf/v1/organizations': 'Get Organizations',
					'GET /waf/v1/tags': 'Get Tags',
				},
			},
			{
				value: 'policyGroup',
				displayName: 'Policy Group',
				operations: {
					'GET /waf/v1/stacks/{stack_id}/sites/{site_id}/policy_groups': 'Get Many',
					'PATCH /waf/v1/stacks/{stack_id}/sites/{site_id}/policy_groups': 'Update Many',
					'GET /waf/v1/stacks/{stack_id}/sites/{site_id}/policy_groups/{policy_group_id}': 'Get',
					'POST /waf/v1/stacks/{stack_id}/sites/{site_id}/policy_groups/{policy_group_id}/enable':
						'Enable',
					'POST /waf/v1/stacks/{stack_id}/sites/{site_id}/policy_groups/{policy_group_id}/disable':
						'Disable',
					'GET /waf/v1/stacks/{stack_id}/sites/{site_id}/policy_groups/{policy_group_id}/policies':
						'Get Policies',
					'GET /waf/v1/stacks/{stack_id}/sites/{site_id}/policy_groups/{policy_group_id}/policies/{policy_id}':
						'Get Policy',
					'POST /waf/v1/stacks/{stack_id}/sites/{site_id}/policy_groups/{policy_group_id}/policies/{policy_id}/enable':
						'Enable Policy',
					'POST /waf/v1/stacks/{stack_id}/sites/{site_id}/policy_groups/{policy_group_id}/policies/{policy_id}/disable':
						'Disable Policy',
				},
			},
			{
				value: 'request',
				displayName: 'Request',
				operations: {
					'GET /waf/v1/stacks/{stack_id}/sites/{site_id}/requests': 'Get Many',
					'GET /waf/v1/stacks/{stack_id}/sites/{site_id}/requests/{request_id}': 'Get',
					'GET /waf/v1/stacks/{stack_id}/sites/{site_id}/requests/{request_id}/details':
						'Get Details',
				},
			},
			{
				value: 'rule',
				displayName: 'Rule',
				operations: {
					'GET /waf/v1/stacks/{stack_id}/sites/{site_id}/rules': 'Get Many',
					'POST /waf/v1/stacks/{stack_id}/sites/{site_id}/rules': 'Create',
					'POST /waf/v1/stacks/{stack_id}/sites/{site_id}/rules/bulk_delete': 'Delete Many',
					'GET /waf/v1/stacks/{stack_id}/sites/{site_id}/rules/{rule_id}': 'Get',
					'DELETE /waf/v1/stacks/{stack_id}/sites/{site_id}/rules/{rule_id}': 'Delete',
					'PATCH /waf/v1/stacks/{stack_id}/sites/{site_id}/rules/{rule_id}': 'Update',
					'POST /waf/v1/stacks/{stack_id}/sites/{site_id}/rules/{rule_id}/enable': 'Enable',
					'POST /waf/v1/stacks/{stack_id}/sites/{site_id}/rules/{rule_id}/disable': 'Disable',
				},
			},
			{
				value: 'site',
				displayName: 'Site',
				operations: {
					'PUT /waf/v1/stacks/{stack_id}/sites/{site_id}/api_urls': 'Update API URLs',
					'GET /waf/v1/stacks/{stack_id}/sites/{site_id}/ddos': 'Get DDoS Settings',
					'PATCH /waf/v1/stacks/{stack_id}/sites/{site_id}/ddos': 'Update DDoS Settings',
					'POST /waf/v1/stacks/{stack_id}/sites/{site_id}/monitoring': 'Enable Monitoring Mode',
					'DELETE /waf/v1/stacks/{stack_id}/sites/{site_id}/monitoring': 'Disable Monitoring Mode',
					'GET /waf/v1/stacks/{stack_id}/sites/{site_id}/delivery/dns/targets': 'Get DNS Targets',
				},
			},
			{
				value: 'traffic',
				displayName: 'Traffic',
				operations: {
					'GET /waf/v2/stacks/{stack_id}/traffic': 'Get',
					'GET /waf/v1/stacks/{stack_id}/traffic': 'Get (Legacy)',
				},
			},
		],
	},
	{
		node: 'StackPathEdgeCompute',
		displayName: 'StackPath Edge Compute',
		resources: [
			{
				value: 'allocation',
				displayName: 'IP Allocation',
				operations: {
					'GET /ipam/v1/stacks/{stack_id}/allocations': 'Get Many',
					'POST /ipam/v1/stacks/{stack_id}/allocations': 'Create',
					'GET /ipam/v1/stacks/{stack_id}/allocations/{allocation_slug}': 'Get',
					'PATCH /ipam/v1/stacks/{stack_id}/allocations/{allocation_slug}': 'Update',
					'DELETE /ipam/v1/stacks/{stack_id}/allocations/{allocation_slug}': 'Delete',
				},
			},
			{
				value: 'allocationClaim',
				displayName: 'IP Allocation Claim',
				operations: {
					'GET /ipam/v1/stacks/{stack_id}/allocation_claims': 'Get Many',
					'POST /ipam/v1/stacks/{stack_id}/allocation_claims': 'Create',
					'GET /ipam/v1/stacks/{stack_id}/allocation_claims/{allocation_claim_slug}': 'Get',
					'PATCH /ipam/v1/stacks/{stack_id}/allocation_claims/{allocation_claim_slug}': 'Update',
					'DELETE /ipam/v1/stacks/{stack_id}/allocation_claims/{allocation_claim_slug}': 'Delete',
				},
			},
			{
				value: 'image',
				displayName: 'Image',
				operations: {
					'GET /workload/v1/stacks/{stack_id}/images': 'Get Many',
					'GET /workload/v1/stacks/{stack_id}/images/{image_family}': 'Get Many in Family',
					'DELETE /workload/v1/stacks/{stack_id}/images/{image_family}': 'Delete Family',
					'POST /workload/v1/stacks/{stack_id}/images/{image_family}/{image_tag}': 'Create',
					'GET /workload/v1/stacks/{stack_id}/images/{image_family}/{image_tag}': 'Get',
					'PATCH /workload/v1/stacks/{stack_id}/images/{image_family}/{image_tag}': 'Update',
					'DELETE /workload/v1/stacks/{stack_id}/images/{image_family}/{image_tag}': 'Delete',
					'PUT /workload/v1/stacks/{stack_id}/images/{image_family}/{image_tag}/deprecation':
						'Update Deprecation',
				},
			},
			{
				value: 'instance',
				displayName: 'Instance',
				operations: {
					'GET /workload/v1/stacks/{stack_id}/workloads/{workload_id}/instances': 'Get Many',
					'GET /workload/v1/stacks/{stack_id}/workloads/{workload_id}/instances/{instance_name}':
						'Get',
					'GET /workload/v1/stacks/{stack_id}/workloads/{workload_id}/instances/{instance_name}/logs':
						'Get Logs',
					'GET /workload/v1/stacks/{stack_id}/workloads/{workload_id}/instances/{instance_name}/passwords/initial':
						'Get Initial Password',
					'POST /workload/v1/stacks/{stack_id}/workloads/{workload_id}/instances/{instance_name}/power/restart':
						'Restart',
				},
			},
			{
				value: 'location',
				displayName: 'Location',
				operations: { 'GET /workload/v1/locations': 'Get Many' },
			},
			{
				value: 'metric',
				displayName: 'Metric',
				operations: { 'GET /workload/v1/stacks/{stack_id}/metrics': 'Get' },
			},
			{
				value: 'network',
				displayName: 'Network',
				operations: {
					'GET /ipam/v1/stacks/{stack_id}/networks': 'Get Many',
					'POST /ipam/v1/stacks/{stack_id}/networks': 'Create',
					'GET /ipam/v1/stacks/{stack_id}/networks/{network_id}': 'Get',
					'PATCH /ipam/v1/stacks/{stack_id}/networks/{network_id}': 'Update',
					'DELETE /ipam/v1/stacks/{stack_id}/networks/{network_id}': 'Delete',
				},
			},
			{
				value: 'networkPolicy',
				displayName: 'Network Policy',
				operations: {
					'GET /ipam/v1/stacks/{stack_id}/network_policies': 'Get Many',
					'POST /ipam/v1/stacks/{stack_id}/network_policies': 'Create',
					'GET /ipam/v1/stacks/{stack_id}/network_policies/{network_policy_id}': 'Get',
					'PUT /ipam/v1/stacks/{stack_id}/network_policies/{network_policy_id}': 'Update',
					'DELETE /ipam/v1/stacks/{stack_id}/network_policies/{network_policy_id}': 'Delete',
				},
			},
			{
				value: 'operation',
				displayName: 'Operation',
				operations: {
					'GET /ipam/v1/stacks/{stack_id}/operations/{operation_name}': 'Get',
					'GET /ipam/v1/stacks/{stack_id}/operations/{operation_name}/wait': 'Wait',
					'DELETE /ipam/v1/stacks/{stack_id}/operations/{operation_name}': 'Delete',
				},
			},
			{
				value: 'route',
				displayName: 'Route',
				operations: {
					'GET /ipam/v1alpha/stacks/{stack_id}/networks/{network_id}/routes': 'Get Many',
					'POST /ipam/v1alpha/stacks/{stack_id}/networks/{network_id}/routes': 'Create',
					'GET /ipam/v1alpha/stacks/{stack_id}/networks/{network_id}/routes/{route_id}': 'Get',
					'PUT /ipam/v1alpha/stacks/{stack_id}/networks/{network_id}/routes/{route_id}': 'Update',
					'DELETE /ipam/v1alpha/stacks/{stack_id}/networks/{network_id}/routes/{route_id}':
						'Delete',
				},
			},
			{
				value: 'subnet',
				displayName: 'Subnet',
				operations: {
					'GET /ipam/v1alpha/stacks/{stack_id}/networks/{network_id}/subnets': 'Get Many',
					'POST /ipam/v1alpha/stacks/{stack_id}/networks/{network_id}/subnets': 'Create',
					'GET /ipam/v1alpha/stacks/{stack_id}/networks/{network_id}/subnets/{subnet_id}': 'Get',
					'PUT /ipam/v1alpha/stacks/{stack_id}/networks/{network_id}/subnets/{subnet_id}': 'Update',
					'DELETE /ipam/v1alpha/stacks/{stack_id}/networks/{network_id}/subnets/{subnet_id}':
						'Delete',
				},
			},
			{
				value: 'workload',
				displayName: 'Workload',
				operations: {
					'GET /workload/v1/stacks/{stack_id}/workloads': 'Get Many',
					'POST /workload/v1/stacks/{stack_id}/workloads': 'Create',
					'GET /workload/v1/stacks/{stack_id}/workloads/{workload_id}': 'Get',
					'PATCH /workload/v1/stacks/{stack_id}/workloads/{workload_id}': 'Update',
					'PUT /workload/v1/stacks/{stack_id}/workloads/{workload_id}': 'Replace',
					'DELETE /workload/v1/stacks/{stack_id}/workloads/{workload_id}': 'Delete',
				},
			},
		],
	},
	{
		node: 'StackPathObjectStorage',
		displayName: 'StackPath Object Storage',
		resources: [
			{
				value: 'accessKey',
				displayName: 'Access Key',
				operations: {
					'GET /storage/v1/stacks/{stack_id}/users/{user_id}/credentials': 'Get Many',
					'POST /storage/v1/stacks/{stack_id}/users/{user_id}/credentials/generate': 'Generate',
					'DELETE /storage/v1/stacks/{stack_id}/users/{user_id}/credentials/{access_key}': 'Delete',
				},
			},
			{
				value: 'bucket',
				displayName: 'Bucket',
				operations: {
					'GET /storage/v1/stacks/{stack_id}/buckets': 'Get Many',
					'POST /storage/v1/stacks/{stack_id}/buckets': 'Create',
					'GET /storage/v1/stacks/{stack_id}/buckets/{bucket_id}': 'Get',
					'PUT /storage/v1/stacks/{stack_id}/buckets/{bucket_id}': 'Update',
					'DELETE /storage/v1/stacks/{stack_id}/buckets/{bucket_id}': 'Delete',
					'GET /storage/v1/stacks/{stack_id}/buckets/{bucket_id}/metrics': 'Get Metrics',
				},
			},
			{
				value: 'metric',
				displayName: 'Metric',
				operations: { 'GET /storage/v1/stacks/{stack_id}/metrics': 'Get' },
			},
		],
	},
	{
		node: 'StackPathMonitoring',
		displayName: 'StackPath Monitoring',
		resources: [
			{
				value: 'alertCondition',
				displayName: 'Alert Condition',
				operations: {
					'GET /monitoring/v2/stacks/{stack_id}/monitors/{monitor_id}/alerts/conditions':
						'Get Many',
					'POST /monitoring/v2/stacks/{stack_id}/monitors/{monitor_id}/alerts/conditions': 'Create',
					'POST /monitoring/v2/stacks/{stack_id}/monitors/{monitor_id}/alerts/conditions/batch_delete':
						'Delete Many',
					'GET /monitoring/v2/stacks/{stack_id}/monitors/{monitor_id}/alerts/conditions/{condition_id}':
						'Get',
					'DELETE /monitoring/v2/stacks/{stack_id}/monitors/{monitor_id}/alerts/conditions/{condition_id}':
						'Delete',
					'PATCH /monitoring/v2/stacks/{stack_id}/monitors/{monitor_id}/alerts/conditions/{condition_id}':
						'Update',
					'POST /monitoring/v2/stacks/{stack_id}/monitors/{monitor_id}/alerts/conditions/{condition_id}/enable':
						'Enable',
					'POST /monitoring/v2/stacks/{stack_id}/monitors/{monitor_id}/alerts/conditions/{condition_id}/disable':
						'Disable',
				},
			},
			{
				value: 'monitor',
				displayName: 'Monitor',
				operations: {
					'GET /monitoring/v2/stacks/{stack_id}/monitors': 'Get Many',
					'POST /monitoring/v2/stacks/{stack_id}/monitors': 'Create',
					'POST /monitoring/v2/stacks/{stack_id}/monitors/batch_delete': 'Delete Many',
					'GET /monitoring/v2/stacks/{stack_id}/monitors/{monitor_id}': 'Get',
					'DELETE /monitoring/v2/stacks/{stack_id}/monitors/{monitor_id}': 'Delete',
					'PUT /monitoring/v2/stacks/{stack_id}/monitors/{monitor_id}': 'Replace',
					'PATCH /monitoring/v2/stacks/{stack_id}/monitors/{monitor_id}': 'Update',
					'GET /monitoring/v2/stacks/{stack_id}/monitors/{monitor_id}/errors': 'Get Errors',
					'GET /monitoring/v2/stacks/{stack_id}/monitors/{monitor_id}/locations': 'Get Locations',
					'GET /monitoring/v2/stacks/{stack_id}/monitors/{monitor_id}/metrics': 'Get Metrics',
				},
			},
			{
				value: 'stackMonitoring',
				displayName: 'Stack Monitoring',
				operations: {
					'POST /monitoring/v2/stacks/{stack_id}/enable': 'Enable All',
					'POST /monitoring/v2/stacks/{stack_id}/disable': 'Disable All',
					'GET /monitoring/v2/stacks/{stack_id}/locations': 'Get Locations',
				},
			},
		],
	},
];

/** Endpoints left out, with the reason (docs/coverage/stackpath.md repeats them). */
export const EXCLUDED: Record<string, string> = {
	'POST /identity/v1/oauth2/token':
		'The credential requests the token itself and n8n stores it; a workflow never needs one.',
};

/**
 * Required fields, by the API's name (inside the wrapper object where the body has one). From
 * StackPath's docs and clients, as listed in the research notes: pystackpath (stacks),
 * stackpath.dev getting-started (sites), lego (records), the terraform provider (workloads,
 * networks, allocations), and what each endpoint cannot work without (IDs of a batch, the
 * object of a create).
 */
export const REQUIRED: Record<string, string[]> = {
	'PUT /identity/v1/accounts/{account_id}/iam/policy': ['bindings'],
	'POST /identity/v1/accounts/{account_id}/iam/test': ['permissions'],
	'POST /identity/v1/accounts/{account_id}/users': ['email', 'name'],
	'POST /identity/v1/users/{user_id}/change_email': ['email', 'password'],
	'POST /identity/v1/users/{user_id}/credentials': ['name'],
	'POST /stack/v1/stacks': ['accountId', 'name'],
	'PATCH /stack/v1/stacks/{stack_id}': ['name'],
	'PUT /stack/v1/stacks/{stack_id}/iam/policy': ['bindings'],
	'POST /stack/v1/stacks/{stack_id}/iam/test': ['permissions'],
	'POST /delivery/v1/stacks/{stack_id}/sites': ['domain', 'origin'],
	'POST /cdn/v1/stacks/{stack_id}/sites': ['domain', 'origin'],
	'POST /delivery/v1/stacks/{stack_id}/sites/{site_id}/delivery_domains': ['domain'],
	'POST /cdn/v1/origins/scan': ['domain'],
	'POST /cdn/v1/stacks/{stack_id}/certificates': ['certificate', 'key'],
	'PUT /cdn/v1/stacks/{stack_id}/certificates/{certificate_id}': ['certificate', 'key'],
	'POST /waf/v1/stacks/{stack_id}/delivery/certificates': ['certificate', 'key'],
	'PUT /waf/v1/stacks/{stack_id}/delivery/certificates/{certificate_id}': ['certificate', 'key'],
	'POST /cdn/v1/stacks/{stack_id}/purge': ['items'],
	'POST /cdn/v1/stacks/{stack_id}/sites/{site_id}/certificates/request': ['hosts'],
	'PUT /cdn/v1/stacks/{stack_id}/sites/{site_id}/certificates/{certificate_id}/hosts': ['hosts'],
	'POST /waf/v1/stacks/{stack_id}/sites/{site_id}/delivery/certificates/request': ['hosts'],
	'POST /cdn/v1/stacks/{stack_id}/sites/{site_id}/scopes': ['path', 'platform'],
	'POST /cdn/v1/stacks/{stack_id}/sites/{site_id}/scopes/{scope_id}/hostnames': ['domain'],
	'POST /cdn/v1/stacks/{stack_id}/sites/{site_id}/scopes/{scope_id}/rules': ['name'],
	'POST /cdn/v1/stacks/{stack_id}/sites/{site_id}/scripts': ['name', 'code', 'paths'],
	'PUT /waf/v1/stacks/{stack_id}/sites/{site_id}/api_urls': ['apiUrls'],
	'PATCH /waf/v1/stacks/{stack_id}/sites/{site_id}/policy_groups': ['policyGroups'],
	'POST /waf/v1/stacks/{stack_id}/sites/{site_id}/rules': ['name', 'conditions', 'action'],
	'POST /waf/v1/stacks/{stack_id}/sites/{site_id}/rules/bulk_delete': ['ruleIds'],
	'POST /dns/v1/stacks/{stack_id}/zones': ['domain'],
	'POST /dns/v1/stacks/{stack_id}/zones/{zone_id}/records': ['name', 'type', 'ttl', 'data'],
	'PUT /dns/v1/stacks/{stack_id}/zones/{zone_id}/records/{zone_record_id}': [
		'name',
		'type',
		'ttl',
		'data',
	],
	'POST /dns/v1/stacks/{stack_id}/zones/{zone_id}/bulk/records': ['records'],
	'POST /dns/v1/stacks/{stack_id}/zones/{zone_id}/bulk/records/delete': ['zoneRecordIds'],
	'POST /dns/v1/stacks/{stack_id}/zones/{zone_id}/parse': ['zoneFile'],
	'POST /workload/v1/stacks/{stack_id}/workloads': ['name', 'slug', 'spec', 'targets'],
	'PUT /workload/v1/stacks/{stack_id}/workloads/{workload_id}': ['name', 'slug', 'spec', 'targets'],
	'POST /workload/v1/stacks/{stack_id}/images/{image_family}/{image_tag}': ['image'],
	'PATCH /workload/v1/stacks/{stack_id}/images/{image_family}/{image_tag}': ['image'],
	'POST /ipam/v1/stacks/{stack_id}/allocations': ['name', 'slug', 'spec'],
	'POST /ipam/v1/stacks/{stack_id}/allocation_claims': ['name', 'slug', 'spec'],
	'POST /ipam/v1/stacks/{stack_id}/network_policies': ['name', 'slug', 'spec'],
	'PUT /ipam/v1/stacks/{stack_id}/network_policies/{network_policy_id}': ['name', 'slug', 'spec'],
	'POST /ipam/v1/stacks/{stack_id}/networks': ['name', 'slug', 'rootSubnet'],
	'POST /ipam/v1alpha/stacks/{stack_id}/networks/{network_id}/routes': ['name', 'slug'],
	'PUT /ipam/v1alpha/stacks/{stack_id}/networks/{network_id}/routes/{route_id}': ['name', 'slug'],
	'POST /ipam/v1alpha/stacks/{stack_id}/networks/{network_id}/subnets': ['name', 'slug', 'prefix'],
	'PUT /ipam/v1alpha/stacks/{stack_id}/networks/{network_id}/subnets/{subnet_id}': [
		'name',
		'slug',
		'prefix',
	],
	'POST /storage/v1/stacks/{stack_id}/buckets': ['label'],
	'PUT /storage/v1/stacks/{stack_id}/buckets/{bucket_id}': ['visibility'],
	'POST /monitoring/v2/stacks/{stack_id}/monitors': ['name', 'locations', 'interval'],
	'PUT /monitoring/v2/stacks/{stack_id}/monitors/{monitor_id}': ['name', 'locations', 'interval'],
	'POST /monitoring/v2/stacks/{stack_id}/monitors/batch_delete': ['monitorIds'],
	'POST /monitoring/v2/stacks/{stack_id}/monitors/{monitor_id}/alerts/conditions': [
		'metric',
		'comparator',
		'value',
	],
	'POST /monitoring/v2/stacks/{stack_id}/monitors/{monitor_id}/alerts/conditions/batch_delete': [
		'conditionIds',
	],
};

/** Actions (sentence case) where the spec's summary is wrong, empty or unclear. */
export const ACTIONS: Record<string, string> = {
	'PUT /cdn/v1/stacks/{stack_id}/sites/{site_id}/certificates/{certificate_id}':
		'Connect a certificate to a site',
	'PUT /waf/v1/stacks/{stack_id}/sites/{site_id}/delivery/certificates/{certificate_id}':
		'Connect a certificate to a site',
	'GET /waf/v1/stacks/{stack_id}/delivery/certificates/{certificate_id}/verification_details':
		"Get a certificate's verification details",
	'PUT /dns/v1/stacks/{stack_id}/zones/{zone_id}/records/{zone_record_id}': 'Replace a record',
	'PATCH /dns/v1/stacks/{stack_id}/zones/{zone_id}/records/{zone_record_id}':
		'Update fields of a record',
	'POST /ipam/v1/stacks/{stack_id}/allocations': 'Create an IP allocation',
	'GET /ipam/v1/stacks/{stack_id}/allocations/{allocation_slug}': 'Get an IP allocation',
	'PATCH /ipam/v1/stacks/{stack_id}/allocations/{allocation_slug}': 'Update an IP allocation',
	'DELETE /ipam/v1/stacks/{stack_id}/allocations/{allocation_slug}': 'Delete an IP allocation',
	'POST /ipam/v1/stacks/{stack_id}/allocation_claims': 'Create an IP allocation claim',
	'GET /ipam/v1/stacks/{stack_id}/allocation_claims/{allocation_claim_slug}':
		'Get an IP allocation claim',
	'PATCH /ipam/v1/stacks/{stack_id}/allocation_claims/{allocation_claim_slug}':
		'Update an IP allocation claim',
	'DELETE /ipam/v1/stacks/{stack_id}/allocation_claims/{allocation_claim_slug}':
		'Delete an IP allocation claim',
	'PUT /ipam/v1alpha/stacks/{stack_id}/networks/{network_id}/subnets/{subnet_id}':
		'Update a network subnet',
	'GET /ipam/v1alpha/stacks/{stack_id}/networks/{network_id}/subnets/{subnet_id}':
		'Get a network subnet',
	'DELETE /ipam/v1alpha/stacks/{stack_id}/networks/{network_id}/subnets/{subnet_id}':
		'Delete a network subnet',
	'GET /ipam/v1/stacks/{stack_id}/operations/{operation_name}': 'Get an operation',
	'DELETE /ipam/v1/stacks/{stack_id}/operations/{operation_name}': 'Delete an operation',
	'GET /ipam/v1/stacks/{stack_id}/operations/{operation_name}/wait':
		'Wait for an operation to finish',
	'GET /delivery/v1/stacks/{stack_id}/metrics': 'Get delivery metrics',
	'GET /cdn/v1/stacks/{stack_id}/metrics': 'Get CDN metrics',
	'GET /waf/v1/stacks/{stack_id}/traffic': 'Get traffic (legacy)',
	'GET /cdn/v1/stacks/{stack_id}/sites/{site_id}/scopes/{scope_id}/configuration':
		"Get a scope's configuration",
	'GET /delivery/v1/stacks/{stack_id}/sites/{site_id}/scopes/{scope_id}/origins':
		"Get a scope's origins (sites API)",
	'POST /delivery/v1/stacks/{stack_id}/sites/{site_id}/scopes/{scope_id}/origins':
		'Connect an origin to a scope (sites API)',
};

/** Path parameters picked with a resource locator (the kind names the locator). */
export const LOCATORS: Record<string, string> = {
	stack_id: 'stack',
	site_id: 'site',
	zone_id: 'zone',
	workload_id: 'workload',
	bucket_id: 'bucket',
	monitor_id: 'monitor',
};

/** A container workload in two cities (terraform-provider-stackpath examples). */
const WORKLOAD_SPEC = {
	containers: {
		web: {
			image: 'nginx:latest',
			ports: { http: { port: 80, protocol: 'TCP', enableImplicitNetworkPolicy: true } },
			resources: { requests: { cpu: '1', memory: '2Gi' } },
		},
	},
};

const WORKLOAD_TARGETS = {
	us: {
		spec: {
			deploymentScope: 'cityCode',
			deployments: {
				minReplicas: 1,
				selectors: [{ key: 'cityCode', operator: 'in', values: ['DFW', 'JFK'] }],
			},
		},
	},
};

/** An HTTP check of a health page (its optional body is base64, a protobuf `bytes`). */
const MONITOR_HTTP = {
	url: 'https://www.example.com/health',
	method: 'GET',
	headers: [{ header: 'Accept', value: 'text/html' }],
	validateCertificate: true,
};

const SITE_ORIGIN = {
	path: '/',
	hostname: 'origin.example.com',
	port: 80,
	securePort: 443,
};

/**
 * Working examples of JSON fields (shown as the placeholder), where a sample built from the
 * schema alone would not help. Keyed `METHOD path#field`.
 */
export const EXAMPLES: Record<string, unknown> = {
	'POST /cdn/v1/stacks/{stack_id}/purge#items': [
		{ url: 'https://www.example.com/images/', recursive: true },
		{ url: 'https://www.example.com/index.html' },
	],
	'POST /delivery/v1/stacks/{stack_id}/sites#origin': SITE_ORIGIN,
	'POST /cdn/v1/stacks/{stack_id}/sites#origin': SITE_ORIGIN,
	'POST /workload/v1/stacks/{stack_id}/workloads#spec': WORKLOAD_SPEC,
	'POST /workload/v1/stacks/{stack_id}/workloads#targets': WORKLOAD_TARGETS,
	'PUT /workload/v1/stacks/{stack_id}/workloads/{workload_id}#spec': WORKLOAD_SPEC,
	'PUT /workload/v1/stacks/{stack_id}/workloads/{workload_id}#targets': WORKLOAD_TARGETS,
	'POST /monitoring/v2/stacks/{stack_id}/monitors#http': MONITOR_HTTP,
	'PUT /monitoring/v2/stacks/{stack_id}/monitors/{monitor_id}#http': MONITOR_HTTP,
	'POST /dns/v1/stacks/{stack_id}/zones/{zone_id}/bulk/records#records': [
		{ name: 'www', type: 'A', ttl: 300, data: '192.0.2.10' },
		{ name: '@', type: 'MX', ttl: 3600, data: '10 mail.example.com' },
	],
};
