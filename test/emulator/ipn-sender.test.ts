import { CONNECTION_TEST, fieldsForEvent, IPN_EVENTS } from '../../nodes/Digistore24/ipn/events';
import type { FieldKind } from '../../nodes/Digistore24/ipn/fields';
import { normalizeIpn } from '../../nodes/Digistore24/ipn/normalize';
import { parseIpnBody } from '../../nodes/Digistore24/ipn/parse';
import { outputSchemaFor } from '../../nodes/Digistore24/ipn/schema';
import { signIpn, verifyIpn } from '../../nodes/Digistore24/ipn/signature';
import { FIXED_NOW, startReceiver, type Receiver } from './helpers';
import { ONLY_WHEN_THEY_APPLY } from './ipn-sample';
import { buildSampleIpn, sendIpn, signedBody } from './ipn-sender';

const EVENTS = [...IPN_EVENTS, CONNECTION_TEST];
const PASSPHRASE = 'Sample-Passphrase 42 ÄÖÜ';

const KIND_FORMAT: Record<FieldKind, RegExp> = {
	text: /^.*$/s,
	id: /^[A-Za-z0-9]+$/,
	amount: /^-?\d+\.\d{2}$/,
	integer: /^\d+$/,
	flag: /^[YN]$/,
	date: /^\d{4}-\d{2}-\d{2}$/,
	datetime: /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/,
	email: /^[^@\s]+@[^@\s]+\.[a-z]+$/,
	url: /^https:\/\/\S+$/,
};

describe('buildSampleIpn', () => {
	test.each(EVENTS.map((e) => [e.value, e]))('%s: signed body parses and verifies with the signature module', (_name, event) => {
		const params = buildSampleIpn(event.value, { now: FIXED_NOW });
		const body = signedBody(params, PASSPHRASE);
		const parsed = parseIpnBody(body);
		expect(parsed.duplicateKeys).toEqual([]);
		expect(parsed.params).toEqual({ ...params, sha_sign: signIpn(params, PASSPHRASE) });
		expect(verifyIpn(parsed.params, PASSPHRASE)).toBe('valid');
		expect(verifyIpn(parsed.params, 'wrong')).toBe('invalid');
		expect(params).toMatchObject({ event: event.value, ipn_version: '1.6', api_mode: 'live', merchant_id: '39499382', merchant_name: 'emuvendor' });
		expect(params.event_label).not.toBe('');
	});

	test.each(EVENTS.map((e) => [e.value, e]))('%s: carries its catalogue fields with values of their kind', (_name, event) => {
		const params = buildSampleIpn(event.value, { now: FIXED_NOW });
		for (const field of fieldsForEvent(event)) {
			// The `connection` group holds both kinds: ipn_config_* in order IPNs, product_ids in a connection test.
			if (event === CONNECTION_TEST ? field.key.startsWith('ipn_config_') : field.key === 'product_ids') continue;
			// Keys sent only when they apply (an upgrade, a coupon, …) are absent from an ordinary sample.
			if (ONLY_WHEN_THEY_APPLY.has(field.key)) expect(params).not.toHaveProperty([field.key]);
			else expect(params).toHaveProperty([field.key]);
			if (params[field.key] !== undefined && params[field.key] !== '') expect([field.key, params[field.key]]).toEqual([field.key, expect.stringMatching(KIND_FORMAT[field.kind])]);
		}
	});

	test.each(EVENTS.map((e) => [e.value, e]))('%s: normalizes into the shipped output schema', (_name, event) => {
		const item = normalizeIpn(buildSampleIpn(event.value, { now: FIXED_NOW }), event);
		expect(outputSchemaFor(event).safeParse(item).error).toBeUndefined();
	});

	test('a payment has the ~170 keys of the real capture, with amounts that add up', () => {
		const params = buildSampleIpn('on_payment', { now: FIXED_NOW });
		expect(Object.keys(params).length).toBeGreaterThanOrEqual(165);
		expect(Object.keys(params).length).toBeLessThanOrEqual(185);
		const cents = (key: string) => Math.round(Number(params[key]) * 100);
		expect(cents('amount_netto') + cents('amount_vat')).toBe(cents('amount_brutto'));
		expect(cents('amount_netto') - cents('amount_provider')).toBe(cents('amount_vendor'));
		expect(params).toMatchObject({ transaction_type: 'payment', billing_type: 'single_payment', pay_sequence_no: '0', transaction_currency: params.currency });
		expect(params).not.toHaveProperty('purchase_id'); // IPNs have order_id, never purchase_id
	});

	test('event-specific values', () => {
		const eticket = buildSampleIpn('eticket', { now: FIXED_NOW });
		expect(eticket.eticket_id).toMatch(/^[1-9]\d{19}$/);
		expect(eticket).toMatchObject({ product_id: '512349', action: 'create' });
		const refund = buildSampleIpn('on_refund', { now: FIXED_NOW });
		expect(refund).toMatchObject({ transaction_type: 'refund', billing_status: 'aborted' });
		expect(refund.parent_transaction_id).toBe(buildSampleIpn('on_payment', { now: FIXED_NOW }).transaction_id);
		expect(buildSampleIpn('on_rebill_cancelled', { now: FIXED_NOW })).toMatchObject({ billing_type: 'subscription', billing_stop_reason: 'by_buyer' });
		expect(buildSampleIpn('on_affiliation', { now: FIXED_NOW }).affiliate_link).toMatch(/^https:\/\/www\.digistore24\.com\/redir\/512345\//);
		expect(buildSampleIpn('on_chargeback', { now: FIXED_NOW }).amount_fee).toBe('15.00');
		expect(buildSampleIpn('on_payment', { productId: '512347' })).toMatchObject({ currency: 'USD', product_name: 'Marketing Toolkit' });
		expect(buildSampleIpn('on_payment_subscription_signup').event).toBe('on_payment_subscription_signup');
	});

	test('is deterministic per seq, varies with seq, and applies overrides last', () => {
		expect(buildSampleIpn('on_payment', { now: FIXED_NOW, seq: 7 })).toEqual(buildSampleIpn('on_payment', { now: FIXED_NOW, seq: 7 }));
		expect(buildSampleIpn('on_payment', { seq: 8 }).order_id).not.toBe(buildSampleIpn('on_payment', { seq: 7 }).order_id);
		expect(buildSampleIpn('on_payment', { overrides: { email: 'x@example.com', extra_key: 'v' } })).toMatchObject({ email: 'x@example.com', extra_key: 'v' });
	});

	test('refuses unknown events', () => {
		expect(() => buildSampleIpn('on_nothing')).toThrow(/Unknown IPN event "on_nothing".*on_payment/);
	});
});

describe('signedBody', () => {
	test('encodes like PHP (spaces as +) and survives special characters', () => {
		const params = { order_id: 'A B', product_name: "Müller's (Kurs) & mehr*!", empty: '' };
		const body = signedBody(params, 'pw');
		expect(body).toMatch(/^order_id=A\+B&product_name=M%C3%BCller%27s\+%28Kurs%29\+%26\+mehr%2A%21&empty=&sha_sign=[0-9A-F]{128}$/);
		expect(verifyIpn(parseIpnBody(body).params, 'pw')).toBe('valid');
	});

	test('without a passphrase sends the unsigned marker', () => {
		expect(signedBody({ a: '1' }, '')).toBe('a=1&sha_sign=no_signature_passphrase_provided');
	});
});

describe('sendIpn', () => {
	let receiver: Receiver;
	beforeAll(async () => {
		receiver = await startReceiver();
	});
	afterAll(() => receiver.stop());

	test('POSTs a signed form body like Digistore24 and returns the answer', async () => {
		const answer = await sendIpn({ url: receiver.url, event: 'on_payment', passphrase: PASSPHRASE, productId: '512348' });
		expect(answer).toMatchObject({ status: 200, body: 'OK' });
		const request = receiver.requests.at(-1)!;
		expect(request.method).toBe('POST');
		expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded; charset=UTF-8');
		const { params } = parseIpnBody(request.body);
		expect(verifyIpn(params, PASSPHRASE)).toBe('valid');
		expect(params).toMatchObject({ product_id: '512348', currency: 'CHF', billing_type: 'installment', order_id: answer.params.order_id });
	});

	test('rejects when nothing answers', async () => {
		await expect(sendIpn({ url: 'http://127.0.0.1:1/', event: 'on_payment', passphrase: 'x' })).rejects.toThrow(/ECONNREFUSED/);
	});
});
