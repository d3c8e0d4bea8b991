/** The vendor account behind both API keys: who `getUserInfo` says you are and who IPNs come from. */
export const ACCOUNT = {
	user_id: '39499382',
	user_name: 'emuvendor',
	email: 'vendor@example.com',
	first_name: 'Erika',
	last_name: 'Mustermann',
	company: 'Emulator Media GmbH',
	language: 'de',
	granted_roles: 'vendor,affiliate',
	granted_roles_msg: 'Vendor, Affiliate',
} as const;
