import type { Field, Operation, Resource } from '../../../shared/types';
import { collection, idField, locator } from '../../shared/descriptions';

/** The container image an image sub-object belongs to. */
export const parentImage = locator('image', {
	description: 'The container image the object belongs to',
});

/** A field as an optional one (Additional Fields, Update Fields). */
export function optional(field: Field): Field {
	const copy = { ...field };
	delete copy.required;
	return copy;
}

/** What differs between the sub-objects of a container image. */
export interface ImageChildOptions {
	/** Resource picker name, e.g. "Image Env Param". */
	displayName: string;
	/** Resource value, e.g. "imageEnvParam". */
	value: string;
	/** The object in actions and descriptions, e.g. "environment parameter". */
	noun: string;
	/** Its plural where it is not the noun plus "s", e.g. "host entries". */
	plural?: string;
	/** Path segment under /container_images/{imageId}, e.g. "env_params". */
	segment: string;
	/** Body wrapper key the controller requires, and the root key of one object. */
	wrap: string;
	/** Root key of the list (the plural the RABL index renders). */
	listKey: string;
	/** ID field of one object, e.g. { name: 'envParamId', displayName: 'Env Param ID' }. */
	id: { name: string; displayName: string };
	/** Fields Create requires (offered again, optional, as Update Fields). */
	required: Field[];
	/** Optional fields of Create and Update. */
	optional: Field[];
	/** What the controller does with the object, for the Create description. */
	createDescription?: string;
}

/**
 * The five operations of an image sub-object (env, setting, ingress and volume parameters, image
 * relationships and custom host entries). Their controllers share one shape
 * (app/controllers/api/container_images/base_controller.rb and its subclasses): index and show
 * for any image the account may see, create/update/destroy only for the image's owner (else 404
 * from find_protected_image); lists are not paginated; create answers 201 and update 202 with the
 * object under its root key; destroy answers 202 `{}` (api_obj_destroyed).
 */
export function imageChildResource(options: ImageChildOptions): Resource {
	const { noun, wrap } = options;
	const base = `/container_images/{imageId}/${options.segment}`;
	const one = `${base}/{${options.id.name}}`;
	const idOf = idField(
		options.id.displayName,
		options.id.name,
		`The ID of the ${noun}, as Get Many returns it`,
	);
	const article = /^[aeiou]/i.test(noun) ? 'an' : 'a';

	const getAll: Operation = {
		name: 'Get Many',
		value: 'getAll',
		action: `Get many ${options.plural ?? `${noun}s`}`,
		description: `List the ${noun}s of a container image`,
		method: 'GET',
		path: base,
		list: {},
		listKey: options.listKey,
		fields: [parentImage],
	};
	const get: Operation = {
		name: 'Get',
		value: 'get',
		action: `Get ${article} ${noun}`,
		method: 'GET',
		path: one,
		recordKey: wrap,
		fields: [parentImage, idOf],
	};
	const create: Operation = {
		name: 'Create',
		value: 'create',
		action: `Create ${article} ${noun}`,
		description: options.createDescription ?? `Add ${article} ${noun} to a container image you own`,
		method: 'POST',
		path: base,
		wrap,
		recordKey: wrap,
		fields: [
			parentImage,
			...options.required,
			...(options.optional.length
				? [collection('Additional Fields', 'additionalFields', options.optional)]
				: []),
		],
	};
	const update: Operation = {
		name: 'Update',
		value: 'update',
		action: `Update ${article} ${noun}`,
		method: 'PATCH',
		path: one,
		wrap,
		recordKey: wrap,
		fields: [
			parentImage,
			idOf,
			collection('Update Fields', 'updateFields', [
				...options.required.map(optional),
				...options.optional,
			]),
		],
	};
	const remove: Operation = {
		name: 'Delete',
		value: 'delete',
		action: `Delete ${article} ${noun}`,
		method: 'DELETE',
		path: one,
		deleted: true,
		fields: [parentImage, idOf],
	};
	return {
		displayName: options.displayName,
		value: options.value,
		defaultOperation: 'getAll',
		operations: [create, remove, get, getAll, update],
	};
}
