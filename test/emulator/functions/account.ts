import { berlinDateTime } from '../clock';
import { ACCOUNT } from '../data/account';
import type { FunctionTable } from './types';

/** Who the key belongs to: the credential test's functions. */
export const accountFunctions: FunctionTable = {
	ping: {
		writes: false,
		handler: ({ now }) => ({ server_time: berlinDateTime(now) }),
	},
	getUserInfo: {
		writes: false,
		handler: ({ key }) => ({
			user_id: ACCOUNT.user_id,
			user_name: ACCOUNT.user_name,
			email: ACCOUNT.email,
			first_name: ACCOUNT.first_name,
			last_name: ACCOUNT.last_name,
			company: ACCOUNT.company,
			language: ACCOUNT.language,
			granted_roles: ACCOUNT.granted_roles,
			granted_roles_msg: ACCOUNT.granted_roles_msg,
			api_key_id: key.id,
			// Named like requestApiKey's `permissions` parameter: readonly | writable.
			permissions: key.permission,
			permissions_msg: key.permission === 'writable' ? 'Full access' : 'Read access',
		}),
	},
};
