import type { Resource } from '../../../shared/types';
import { paramLabel } from '../../shared/descriptions';
import { imageChildResource } from '../containerImage/children';

/**
 * Environment variables of a container image, `{env_param: {...}}`
 * (app/controllers/api/container_images/env_params_controller.rb#env_params). The model keeps one
 * `value`, set from `static_value` for a static parameter or from `env_value` (the name of one of
 * the image's available variables) for a variable one (app/models/container_image/env_param.rb).
 */
export const imageEnvParam: Resource = imageChildResource({
	displayName: 'Image Env Param',
	value: 'imageEnvParam',
	noun: 'environment parameter',
	segment: 'env_params',
	wrap: 'env_param',
	listKey: 'env_params',
	id: { name: 'envParamId', displayName: 'Env Param ID' },
	required: [
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. DB_HOST',
			description: 'The name of the environment variable',
		},
		{
			displayName: 'Type',
			name: 'paramType',
			type: 'options',
			default: 'static',
			required: true,
			options: [
				{ name: 'Static', value: 'static', description: 'A fixed value (Static Value)' },
				{
					name: 'Variable',
					value: 'variable',
					description: 'A value ComputeStacks fills in (Variable)',
				},
			],
			description: 'How the value is given',
		},
	],
	optional: [
		paramLabel,
		{
			displayName: 'Static Value',
			name: 'staticValue',
			type: 'string',
			default: '',
			description: 'The value of a static parameter',
		},
		{
			displayName: 'Variable',
			name: 'envValue',
			type: 'string',
			default: '',
			placeholder: 'e.g. build.self.ip',
			description:
				'For a variable parameter: one of the variables the image offers (its available_vars)',
		},
	],
});
