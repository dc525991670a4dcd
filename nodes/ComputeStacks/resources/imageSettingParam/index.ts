import type { Resource } from '../../../shared/types';
import { paramLabel } from '../../shared/descriptions';
import { imageChildResource } from '../containerImage/children';

/**
 * Settings of a container image, `{setting_param: {name, label, param_type, value}}`
 * (app/controllers/api/container_images/setting_params_controller.rb#setting_params; param_type
 * static or password, app/models/container_image/setting_param.rb).
 */
export const imageSettingParam: Resource = imageChildResource({
	displayName: 'Image Setting Param',
	value: 'imageSettingParam',
	noun: 'setting parameter',
	segment: 'setting_params',
	wrap: 'setting_param',
	listKey: 'setting_params',
	id: { name: 'settingParamId', displayName: 'Setting Param ID' },
	required: [
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. mysql_password',
			description: 'The name of the setting, used in variables of the image',
		},
		{
			displayName: 'Type',
			name: 'paramType',
			type: 'options',
			default: 'static',
			required: true,
			options: [
				{
					name: 'Password',
					value: 'password',
					description: 'ComputeStacks generates a password for each service',
				},
				{ name: 'Static', value: 'static', description: 'A fixed value' },
			],
			description: 'How the value is given',
		},
	],
	optional: [
		paramLabel,
		{
			displayName: 'Value',
			name: 'value',
			type: 'string',
			default: '',
			description: 'The value of a static setting',
		},
	],
});
