import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

export class Digistore24Api implements ICredentialType {
	name = 'digistore24Api';

	displayName = 'Digistore24 API';

	icon: Icon = { light: 'file:digistore24.svg', dark: 'file:digistore24.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-digistore24/n8n-nodes-digistore24#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'Create it in Digistore24 under Settings → Account access → API keys. Read access is enough for reading; automatic webhook registration, refunds and other changes need full access.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://www.digistore24.com',
			description: 'Leave as is. Must start with https:// (plain http only for localhost, e.g. a local Digistore24 emulator). Redirects are never followed, as every call carries the API key.',
		},
		{
			displayName: 'IPN Passphrase',
			name: 'ipnPassphrase',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'The SHA passphrase of an IPN connection you set up yourself in Digistore24 (Trigger in manual mode, Verify Notification). Not needed for automatic setup.',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { 'X-DS-API-KEY': '={{$credentials.apiKey}}' } },
	};

	// Tested by the nodes (testedBy: digistore24ApiTest, transport/credentialTest.ts) through n8n's
	// HTTP client, so the Test button shows Digistore24's own message. No declarative `test` here:
	// n8n 2.41.1 would prefer it over testedBy and could only show fixed texts.
	// (n8n's proxy settings and outbound filter apply to both.)
}
