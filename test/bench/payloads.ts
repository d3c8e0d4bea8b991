/**
 * The signed notifications the benchmarks send: built by the emulator's sample builder and signed
 * by its sender (which signs with the shipped signature module), so they are what Digistore24 sends.
 *
 *   npx tsx test/bench/payloads.ts   prints {passphrase, formBody, formFields, postbackToken, postbackQuery} for the real-n8n part
 */
import { buildSampleIpn, type IpnParams } from '../emulator/ipn-sample';
import { signedBody } from '../emulator/ipn-sender';
import { fillPlaceholders, postbackValues } from '../emulator/postback';
import { queryTemplate, TOKEN_SLOT } from '../../nodes/Digistore24/postback/placeholders';

export const PASSPHRASE = 'bench-ipn-passphrase';
export const POSTBACK_TOKEN = 'bench-postback-token-0123456789';
const NOW = new Date('2026-11-20T10:00:00Z');

/** A short payment: the fields a minimal integration reads. */
const SHORT_KEYS = [
	'event', 'api_mode', 'ipn_version', 'order_id', 'order_date_time', 'transaction_id', 'transaction_type', 'transaction_amount',
	'transaction_currency', 'pay_method', 'amount', 'currency', 'product_id', 'product_name', 'quantity', 'email',
	'buyer_first_name', 'buyer_last_name', 'address_country', 'language',
];

/** Every parameter of a live on_payment (the emulator's sample, ~180 keys, most of them empty). */
export function fullPayment(seq: number): IpnParams {
	return buildSampleIpn('on_payment', { seq, now: NOW });
}

export function shortPayment(seq: number): IpnParams {
	const full = fullPayment(seq);
	return Object.fromEntries(SHORT_KEYS.map((key) => [key, full[key]]));
}

/** The first parameters of a live payment, as many as fit a signed form body of about `chars`. */
export function paymentOfSize(seq: number, chars: number): IpnParams {
	const params: IpnParams = {};
	for (const [key, value] of Object.entries(fullPayment(seq))) {
		params[key] = value;
		if (signedBody(params, PASSPHRASE).length >= chars) break;
	}
	return params;
}

export function signed(params: IpnParams, passphrase = PASSPHRASE): string {
	return signedBody(params, passphrase);
}

if (require.main === module) {
	const params = paymentOfSize(1, 1500);
	// An affiliate sale postback as Digistore24 requests it: the query string the node shows, filled in.
	const postbackQuery = fillPlaceholders(queryTemplate('affiliate').replace(TOKEN_SLOT, POSTBACK_TOKEN), postbackValues({ role: 'affiliate', kind: 'sale', seq: 1, now: NOW }));
	process.stdout.write(JSON.stringify({ passphrase: PASSPHRASE, formBody: signed(params), formFields: Object.keys(params).length + 1, postbackToken: POSTBACK_TOKEN, postbackQuery }));
}
