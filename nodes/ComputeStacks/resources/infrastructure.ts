import type { Resource } from '../../shared/types';
import { dnsZone } from './dnsZone';
import { domain } from './domain';
import { ingressRule } from './ingressRule';
import { volume } from './volume';

export const infrastructureResources: Resource[] = [volume, domain, ingressRule, dnsZone];
