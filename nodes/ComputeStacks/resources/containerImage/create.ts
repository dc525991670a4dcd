import type { Operation } from '../../../shared/types';
import { collection } from '../../shared/descriptions';
import {
	imageCategory,
	imageLabel,
	imageRole,
	imageScalarFields,
	jsonArrayField,
	registryImagePath,
} from './fields';

/**
 * POST /api/container_images with `{container_image: {...}}`: 201 with the image
 * (app/controllers/api/container_images_controller.rb#create, #image_params). The model requires
 * label, registry_image_path, role and category, and a registry_image_tag on create, from which
 * it creates the default variant (app/models/container_image.rb#ensure_tag, #setup_default_tag).
 * The nested lists are `*_attributes` arrays (`volumes_attributes`, not the docs'
 * `volume_attributes`); registry_username/registry_password are not permitted in 9.3.1.
 * `dependency_parents` is permitted but is an association that takes records, not hashes, so it
 * is not offered: use Image Relationship → Create.
 */
export const create: Operation = {
	name: 'Create',
	value: 'create',
	action: 'Create a container image',
	method: 'POST',
	path: '/container_images',
	wrap: 'container_image',
	recordKey: 'container_image',
	fields: [
		imageLabel,
		registryImagePath,
		{
			displayName: 'Registry Image Tag',
			name: 'registryImageTag',
			type: 'string',
			default: 'latest',
			required: true,
			description: 'The tag of the image’s first (default) variant',
		},
		imageRole,
		imageCategory,
		collection('Additional Fields', 'additionalFields', [
			...imageScalarFields,
			{
				displayName: 'Docker Init',
				name: 'dockerInit',
				type: 'boolean',
				default: false,
				description: 'Whether containers run with Docker’s init process',
			},
			jsonArrayField(
				'Env Params',
				'envParamsAttributes',
				'Environment parameters: objects with name, label, param_type (static or variable), static_value or env_value',
				'[{"name": "APP_ENV", "param_type": "static", "static_value": "production"}]',
			),
			jsonArrayField(
				'Ingress Params',
				'ingressParamsAttributes',
				'Ports: objects with port, proto (http, tcp, tls, udp), backend_ssl, external_access, tcp_proxy_opt',
				'[{"port": 80, "proto": "http", "external_access": true}]',
			),
			jsonArrayField(
				'Setting Params',
				'settingParamsAttributes',
				'Settings: objects with name, label, param_type (static or password), value',
				'[{"name": "admin_password", "param_type": "password"}]',
			),
			jsonArrayField(
				'Volumes',
				'volumesAttributes',
				'Volumes: objects with label, mount_path, enable_sftp, borg_enabled, borg_freq, borg_strategy (file, mysql, postgres), borg_keep_hourly/daily/weekly/monthly/annually, borg_pre_backup, borg_post_backup, borg_pre_restore, borg_post_restore, borg_rollback',
				'[{"label": "data", "mount_path": "/data"}]',
			),
		]),
	],
};
