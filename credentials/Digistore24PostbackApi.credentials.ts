import type { Icon, ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * The secret of the Digistore24 Postback Trigger. Digistore24 does not sign S2S postbacks, so the
 * token in the postback URL is what the trigger checks; kept here so it is not in workflow JSON.
 */
export class Digistore24PostbackApi implements ICredentialType {
	name = 'digistore24PostbackApi';

	displayName = 'Digistore24 Postback API';

	icon: Icon = { light: 'file:digistore24.svg', dark: 'file:digistore24.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-digistore24/n8n-nodes-digistore24#affiliates-s2s-postbacks';

	properties: INodeProperties[] = [
		{
			displayName: 'Token',
			name: 'token',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'A long random secret of your own (at least 16 characters, e.g. from a password generator). Put it into the postback URL at Digistore24 in place of YOUR_TOKEN. Postbacks without it are refused.',
		},
	];
}
