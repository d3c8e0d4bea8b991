import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { PLACES, type AccessAccount, type AccessData } from './accessReply';

/**
 * The Answer Notification fields for access data. Every value takes expressions, so the answer
 * can carry what an earlier step created (an account, a licence key). They are read from the
 * first item: Digistore24 gets one answer per notification.
 */
const placeOptions = [
	{ name: 'Invoice', value: 'invoice' },
	{ name: 'Order Confirmation E-Mail', value: 'order_confirmation_email' },
	{ name: 'Thank-You Page', value: 'receipt_page' },
];

export const accessDataFields: INodeProperties[] = [
	{
		displayName:
			'Access data are shown to the buyer only when the Digistore24 connection\'s timing is "before the thank-you page" (the trigger\'s default). See the README recipe.',
		name: 'accessDataNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Accounts',
		name: 'accounts',
		type: 'fixedCollection',
		placeholder: 'Add Account',
		typeOptions: { multipleValues: true },
		default: {},
		description: 'Login data for the buyer. The second account is sent as username_2/password_2/loginurl_2, the third with _3, and so on.',
		options: [
			{
				displayName: 'Account',
				name: 'account',
				values: [
					{ displayName: 'Username', name: 'username', type: 'string', default: '', placeholder: 'e.g. {{ $json.username }}' },
					{
						displayName: 'Password',
						name: 'password',
						type: 'string',
						typeOptions: { password: true },
						default: '',
						description: 'Sent to Digistore24 only; the node\'s output shows it as ********',
					},
					{ displayName: 'Login URL', name: 'loginUrl', type: 'string', default: '', placeholder: 'https://members.example.com/login' },
				],
			},
		],
	},
	{
		displayName: 'Access Data Options',
		name: 'accessOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{ displayName: 'Headline', name: 'headline', type: 'string', default: '', placeholder: 'Your access data', description: 'Shown above the access data; without it Digistore24 uses a generic one' },
			{
				displayName: 'Hide On',
				name: 'hideOn',
				type: 'multiOptions',
				options: placeOptions,
				default: [],
				description: 'Where the access data must not appear (for example the invoice)',
			},
			{
				displayName: 'Show On',
				name: 'showOn',
				type: 'multiOptions',
				options: placeOptions,
				default: [],
				description: 'Where the access data appear; none chosen means everywhere',
			},
			{
				displayName: 'Thank-You URL',
				name: 'thankyouUrl',
				type: 'string',
				default: '',
				placeholder: 'https://www.example.com/thank-you',
				description: 'Where Digistore24 sends the buyer after the order instead of its own thank-you page',
			},
		],
	},
	{
		displayName: 'Extra Lines',
		name: 'extraLines',
		type: 'fixedCollection',
		placeholder: 'Add Line',
		typeOptions: { multipleValues: true },
		default: {},
		description: 'More "key: value" lines Digistore24 shows as they are, e.g. "Your license key: ABC-123". Plain text, one line each.',
		options: [
			{
				displayName: 'Line',
				name: 'line',
				values: [
					{ displayName: 'Key', name: 'key', type: 'string', default: '', placeholder: 'Your license key' },
					{ displayName: 'Value', name: 'value', type: 'string', default: '' },
				],
			},
		],
	},
];

const text = (value: unknown): string | undefined => (value === undefined || value === null ? undefined : String(value));
const places = (value: unknown): string[] | undefined => (Array.isArray(value) && value.length > 0 ? value.filter((p) => (PLACES as readonly string[]).includes(p)) : undefined);

function accountsOf(ctx: IExecuteFunctions): AccessAccount[] {
	const { account = [] } = ctx.getNodeParameter('accounts', 0, {}) as { account?: IDataObject[] };
	return account.map((a) => ({ username: text(a.username), password: text(a.password), loginUrl: text(a.loginUrl) }));
}

export function accessDataOf(ctx: IExecuteFunctions): AccessData {
	const options = ctx.getNodeParameter('accessOptions', 0, {}) as IDataObject;
	const { line = [] } = ctx.getNodeParameter('extraLines', 0, {}) as { line?: IDataObject[] };
	return {
		accounts: accountsOf(ctx),
		thankyouUrl: text(options.thankyouUrl),
		headline: text(options.headline),
		showOn: places(options.showOn),
		hideOn: places(options.hideOn),
		extraLines: line.map((l) => ({ key: text(l.key) ?? '', value: text(l.value) ?? '' })),
	};
}

/** The passwords the answer carries, to keep them out of the node's output. */
export function passwordsOf(ctx: IExecuteFunctions): string[] {
	return accountsOf(ctx)
		.map((a) => a.password ?? '')
		.filter((p) => p !== '');
}
