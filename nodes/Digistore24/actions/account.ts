import type { Operation } from './types';

export const accountOperations: Operation[] = [
	{
		resource: 'account',
		operation: 'ping',
		name: 'Test Connection',
		action: 'Test the account connection',
		description: "Check that Digistore24 answers and the API key works; returns Digistore24's server time (ping)",
		fn: 'ping',
	},
	{
		resource: 'account',
		operation: 'getUserInfo',
		name: 'Get User Info',
		action: 'Get user info of the account',
		description: 'Who the API key belongs to, the account roles and the key\'s permission level, read-only or full access (getUserInfo)',
		fn: 'getUserInfo',
	},
];
