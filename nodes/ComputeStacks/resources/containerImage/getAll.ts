import type { Operation } from '../../../shared/types';
import { collection } from '../../shared/descriptions';
import { SIMPLE_IMAGE } from './fields';

/**
 * GET /api/container_images: the account's own, shared and system images
 * (app/controllers/api/container_images_controller.rb#index). `filter=isLoadBalancer` is not
 * offered: 9.3.1 reads `params[:filter][:isLoadBalancer]` from the string 'isLoadBalancer'
 * (String#[] with a Symbol raises TypeError), so it fails on every portal of that release.
 */
export const getAll: Operation = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many container images',
	description: 'List the container images this account owns, shares and may deploy',
	method: 'GET',
	path: '/container_images',
	list: { paginate: 'filteredPage' },
	listKey: 'container_images',
	simplify: SIMPLE_IMAGE,
	fields: [
		collection('Filters', 'filters', [
			{
				displayName: 'Owned Only',
				name: 'owned',
				type: 'boolean',
				default: false,
				description: 'Whether to list only the images this account owns',
				api: 'filter',
				value: (value) => (value === true ? 'owned' : undefined),
			},
			{
				displayName: 'Label Contains',
				name: 'byname',
				type: 'string',
				default: '',
				description:
					'Only images whose label contains this text (case-sensitive; only letters, digits and hyphens count). ComputeStacks applies it to each page after paginating, so turn on Return All for a complete search.',
				api: 'byname',
			},
		]),
	],
};
