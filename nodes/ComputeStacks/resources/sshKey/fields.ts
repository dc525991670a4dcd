import { idField } from '../../shared/descriptions';

export const sshKeyId = idField('SSH Key ID', 'sshKeyId', 'The ID of the SSH key');
