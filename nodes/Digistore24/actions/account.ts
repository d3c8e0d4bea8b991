import type { Operation } from './types';

export const accountOperations: Operation[] = [
	{
		resource: 'account',
		operation: 'ping',
		name: 'Test Connection',
		action: 'Test the connection',
		description: 'Check that Digistore24 answers and the API key works (ping)',
		fn: 'ping',
	},
	{
		resource: 'account',
		operation: 'getUserInfo',
		name: 'Get User Info',
		action: 'Get user info of the account',
		description: 'Who the API key belongs to and its permission level (getUserInfo)',
		fn: 'getUserInfo',
	},
];
