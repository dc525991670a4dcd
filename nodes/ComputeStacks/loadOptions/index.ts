import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { lookupRequest } from '../../shared/request';
import { computeStacks } from '../shared/provider';

async function get(context: ILoadOptionsFunctions, path: string, qs: IDataObject = {}) {
	return ((await lookupRequest(context, computeStacks, 'GET', path, qs)) ?? {}) as IDataObject;
}

const list = (body: IDataObject, key: string): IDataObject[] =>
	Array.isArray(body[key]) ? (body[key] as IDataObject[]) : [];

/** Locations (the portal's "Regions"), GET /api/locations (app/views/api/locations/index.rabl). */
export async function getLocations(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const body = await get(this, '/locations', { page: 1, per_page: 100 });
	return list(body, 'locations').map((location) => ({
		name: String(location.name ?? location.id),
		value: String(location.id),
	}));
}

/** Products (packages) available to the account, GET /api/products (app/views/api/products/_product.rabl). */
export async function getProducts(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const body = await get(this, '/products');
	return list(body, 'products').map((product) => {
		const specs = [
			product.cpu !== undefined ? `${String(product.cpu)} CPU` : '',
			product.memory !== undefined ? `${String(product.memory)} MB` : '',
			product.price !== undefined
				? `${String(product.price)}/${String(product.term ?? 'hour')}`
				: '',
		]
			.filter(Boolean)
			.join(', ');
		return {
			name: `${String(product.name ?? product.id)}${specs ? ` (${specs})` : ''}`,
			value: String(product.id),
		};
	});
}

/**
 * Image variants, the value orders take: each image of GET /api/container_images with its
 * variants (app/views/api/container_images/_container_image.rabl embeds `image_variants`).
 */
export async function getImageVariants(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const options: INodePropertyOptions[] = [];
	for (let page = 1; page <= 20; page++) {
		const body = await get(this, '/container_images', { page, per_page: 100 });
		const images = list(body, 'container_images');
		for (const image of images) {
			const raw = image.image_variants;
			const variants = (Array.isArray(raw) ? raw : raw ? [raw] : []) as IDataObject[];
			for (const entry of variants) {
				const variant = ((entry.image_variant as IDataObject | undefined) ?? entry) as IDataObject;
				options.push({
					name: `${String(image.label ?? image.name)}: ${String(variant.label ?? variant.registry_image_tag ?? variant.id)}${variant.is_default ? ' (default)' : ''}`,
					value: String(variant.id),
				});
			}
		}
		if (images.length < 100) break;
	}
	return options.sort((a, b) => a.name.localeCompare(b.name));
}
