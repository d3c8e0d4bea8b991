import http from 'node:http';
import https from 'node:https';
import { placeholdersFor, type PostbackRole } from '../../nodes/Digistore24/postback/placeholders';
import { ACCOUNT } from './data/account';
import { formatCents, splitAmount, vatRateFor } from './data/money';
import { AFFILIATES } from './data/people';
import { PARTNER_PRODUCT, PRODUCTS, findProduct, type Product } from './data/products';
import { TO_EUR } from './functions/stats';
import { buildSampleIpn } from './ipn-sample';

/**
 * Digistore24's S2S postbacks (reference §6): a connection holds a URL with `{placeholders}`, the
 * products and order events it is for and a currency; for each matching transaction Digistore24
 * fills the placeholders in and requests the URL (GET; POST where the connection says so).
 * Which placeholders exist comes from the shipped catalogue (nodes/Digistore24/postback/placeholders.ts),
 * per role: an affiliate connection has no buyer data, so vendor-only placeholders in its URL stay
 * as they are (`{email}`), like any name Digistore24 does not know. A known placeholder without a
 * value (a click without sid4) becomes empty. Both are assumptions where the sources are silent;
 * they are the cases a receiver must survive.
 */
export type PostbackKind = 'sale' | 'upsell' | 'rebill' | 'refund' | 'chargeback';
export const POSTBACK_KINDS: readonly PostbackKind[] = ['sale', 'upsell', 'rebill', 'refund', 'chargeback'];

export interface PostbackConnection {
	id: string;
	role: PostbackRole;
	name: string;
	/** The URL as pasted, placeholders included. */
	url: string;
	/** `all` or ids. */
	product_ids: string;
	/** Transaction types it is for: payment, refund, chargeback. */
	transactions: string;
	/** Currency of the amounts; empty: the product's own. */
	currency: string;
	method: 'GET' | 'POST';
}

export interface PostbackOptions {
	role: PostbackRole;
	kind: PostbackKind;
	seq?: number;
	now?: Date;
	productId?: string;
	currency?: string;
	/** Digistore24's "Test Connection" button: a simulated purchase marked as a test. */
	test?: boolean;
	/** Values to use instead (by placeholder name). */
	overrides?: Record<string, string>;
}

const TRANSACTION_TYPE: Record<PostbackKind, string> = { sale: 'payment', upsell: 'payment', rebill: 'payment', refund: 'refund', chargeback: 'chargeback' };

export function transactionTypeOf(kind: PostbackKind): string {
	return TRANSACTION_TYPE[kind];
}

/** The value of every placeholder Digistore24 knows for this role, consistent with one order. */
export function postbackValues(options: PostbackOptions): Record<string, string> {
	const seq = options.seq ?? 1;
	const now = options.now ?? new Date();
	const product = productFor(options.role, options.productId);
	const event = { sale: 'on_payment', upsell: 'on_payment', rebill: 'on_payment', refund: 'on_refund', chargeback: 'on_chargeback' }[options.kind];
	const ipn = buildSampleIpn(event, { productId: product.id, seq, now });
	const currency = options.currency || product.currency;
	const rate = (TO_EUR[product.currency] ?? 1) / (TO_EUR[currency] ?? 1);
	const price = options.kind === 'upsell' ? Math.round(product.price / 2) : product.price;
	const split = splitAmount(Math.round(price * rate), vatRateFor(ipn.country ?? 'DE'), 0.4);
	const money = (cents: number) => formatCents(cents);
	const affiliate = options.role === 'affiliate' ? { id: ACCOUNT.user_id, name: ACCOUNT.user_name } : { id: String(41_600_000 + (seq % 5)), name: AFFILIATES[seq % AFFILIATES.length] };
	const merchant = product.owner ?? { id: ACCOUNT.user_id, name: ACCOUNT.user_name };
	const transactionId = Number(ipn.transaction_id) + (options.kind === 'upsell' ? 1 : 0);
	const known: Record<string, string> = {
		cid: `clk-${seq}-${ipn.order_id.toLowerCase()}`,
		sid1: 'facebook',
		sid2: `adset-${seq % 7}`,
		sid3: 'video-a',
		sid4: '',
		sid5: '',
		campaignkey: 'spring-campaign',
		amount_affiliate: money(split.affiliate),
		amount_vendor: money(split.vendor),
		amount_brutto: money(split.gross),
		amount_netto: money(split.net),
		currency,
		transaction_id: String(transactionId),
		transaction_type: TRANSACTION_TYPE[options.kind],
		billing_type: product.billing_type,
		billing_status: options.kind === 'refund' || options.kind === 'chargeback' ? 'aborted' : ipn.billing_status,
		order_id: ipn.order_id,
		order_type: options.kind === 'upsell' ? 'upsell' : 'initial_sale',
		upsell_no: options.kind === 'upsell' ? '1' : '0',
		country: ipn.country,
		product_id: product.id,
		product_name: product.name,
		merchant_id: merchant.id,
		merchant_name: merchant.name,
		affiliate_id: affiliate.id,
		affiliate_name: affiliate.name,
		email: ipn.email,
		first_name: ipn.buyer_first_name,
		last_name: ipn.buyer_last_name,
		company: '',
		is_test: options.test ? 'Y' : 'N',
		datetime_unix: String(Math.floor(now.getTime() / 1000)),
		random: String(Math.floor(Math.random() * 1e9)),
	};
	const names = new Set(placeholdersFor(options.role).map((p) => p.name));
	const values: Record<string, string> = {};
	for (const [name, value] of Object.entries({ ...known, ...(options.overrides ?? {}) })) if (names.has(name)) values[name] = value;
	return values;
}

function productFor(role: PostbackRole, productId: string | undefined): Product {
	if (productId) return findProduct(productId) ?? { ...PRODUCTS[0], id: productId, name: `Product ${productId}` };
	return role === 'affiliate' ? PARTNER_PRODUCT : PRODUCTS[0];
}

/** Fills `{name}` with the URL-encoded value where Digistore24 has one; anything else stays as written. */
export function fillPlaceholders(template: string, values: Record<string, string>): string {
	return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? encodeURIComponent(values[name]) : whole));
}

export interface PostbackAnswer {
	status: number;
	body: string;
}

/** Requests a filled-in postback URL; a POST sends the query's parameters as a form body as well. */
export function requestPostback(url: string, method: 'GET' | 'POST' = 'GET', timeoutMs = 30_000): Promise<PostbackAnswer> {
	const target = new URL(url);
	const client = target.protocol === 'https:' ? https : http;
	const body = method === 'POST' ? target.search.slice(1) : '';
	return new Promise((resolve, reject) => {
		const request = client.request(
			target,
			{
				method,
				timeout: timeoutMs,
				headers: {
					'User-Agent': 'Digistore24-Emulator S2S-Postback',
					...(method === 'POST' ? { 'Content-Type': 'application/x-www-form-urlencoded; charset=UTF-8', 'Content-Length': Buffer.byteLength(body) } : {}),
				},
			},
			(response) => {
				const chunks: Buffer[] = [];
				response.on('data', (chunk: Buffer) => chunks.push(chunk));
				response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
				response.on('error', reject);
			},
		);
		request.on('timeout', () => request.destroy(new Error(`no answer from ${target.origin}${target.pathname} within ${timeoutMs} ms`)));
		request.on('error', reject);
		request.end(body);
	});
}

/** Whether Digistore24 sends this kind over the connection (the test button always sends). */
export function connectionCovers(connection: PostbackConnection, kind: PostbackKind, productId: string): boolean {
	const list = (text: string) => text.split(',').map((s) => s.trim()).filter(Boolean);
	const transactions = list(connection.transactions);
	const products = list(connection.product_ids);
	return (transactions.length === 0 || transactions.includes(TRANSACTION_TYPE[kind])) && (products.length === 0 || products.includes('all') || products.includes(productId));
}

/** Fills in and sends one postback the way Digistore24 does. */
export async function sendPostback(url: string, options: PostbackOptions & { method?: 'GET' | 'POST' }): Promise<PostbackAnswer & { values: Record<string, string> }> {
	const values = postbackValues(options);
	const answer = await requestPostback(fillPlaceholders(url, values), options.method ?? 'GET');
	return { ...answer, values };
}
