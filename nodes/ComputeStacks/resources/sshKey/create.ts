import type { Operation } from '../../../shared/types';

/**
 * POST /api/users/ssh_keys with `{user_ssh_key: {pubkey}}`: the controller requires
 * `user_ssh_key`, not the `ssh_key` of the docs (app/controllers/api/users/ssh_keys_controller.rb#ssh_key_params).
 * 201 with the key; its label is the key's comment.
 */
export const create: Operation = {
	name: 'Create',
	value: 'create',
	action: 'Create an SSH key',
	description:
		'Add a public key; ComputeStacks adds it to the SSH containers of the user’s projects',
	method: 'POST',
	path: '/users/ssh_keys',
	wrap: 'user_ssh_key',
	recordKey: 'ssh_key',
	fields: [
		{
			displayName: 'Public Key',
			name: 'pubkey',
			type: 'string',
			typeOptions: { rows: 3 },
			default: '',
			required: true,
			placeholder: 'e.g. ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAA… me@laptop',
			description: 'The public key in OpenSSH format; its comment becomes the key’s label',
		},
	],
};
