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
			description: 'Leave as is. Change only to use a proxy or a local Digistore24 emulator.',
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

	// Tested by the nodes (testedBy: digistore24ApiTest) so the Test button shows Digistore24's own message.
}
