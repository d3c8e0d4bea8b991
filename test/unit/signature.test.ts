import { createHash } from 'crypto';
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import { canonicalString, signIpn, verifyIpn } from '../../nodes/Digistore24/ipn/signature';

const PASS = 's3cret-passphrase';
const sha512 = (text: string) => createHash('sha512').update(text, 'utf8').digest('hex').toUpperCase();

describe('sha_sign: Digistore24 vectors', () => {
	// Digistore24's published vectors (ds24-appkit lib/digistore/ipn-vectors.json, MIT). The file is
	// not vendored here (fetched material stays out of this repository); point DS24_IPN_VECTORS or
	// ../shared/reference/ds24-ipn-vectors.json at it to run all nine.
	const file = process.env.DS24_IPN_VECTORS ?? join(__dirname, '../../../shared/reference/ds24-ipn-vectors.json');
	const vectors = existsSync(file)
		? (JSON.parse(readFileSync(file, 'utf8')) as { passphrase: string; vectors: Array<{ name: string; uppercaseKeys: boolean; params: Record<string, string>; expected: string }> })
		: undefined;

	it('reproduces the worked example of the reference (minimal vector)', () => {
		const params = { order_id: 'ORD-1', product_id: '42' };
		expect(canonicalString(params, PASS)).toBe('order_id=ORD-1s3cret-passphraseproduct_id=42s3cret-passphrase');
		expect(signIpn(params, PASS)).toBe(
			'9A23DE2603A33D17D935908580B5DB90C452DE8E68556E2A4AD96F1C3EC3BFD2EE3AE47B819B96286812224FBCED943D0ACF48C8C20CA57570E2263B6ABAF099',
		);
	});

	(vectors ? it.each(vectors.vectors.map((v) => [v.name, v] as const)) : it.skip.each([['(vector file not present)', undefined]]))(
		'vector %s',
		(_name, vector) => {
			const v = vector!;
			expect(signIpn(v.params, vectors!.passphrase, { upperCaseKeys: v.uppercaseKeys })).toBe(v.expected);
			expect(verifyIpn({ ...v.params, sha_sign: v.expected }, vectors!.passphrase)).toBe('valid');
		},
	);
});

describe('sha_sign: our own cases, checked against hand-written canonical strings', () => {
	const cases: Array<[string, Record<string, string>, string]> = [
		['umlauts (UTF-8 bytes)', { name: 'Jürgen Müßig', order_id: 'X1' }, `name=Jürgen Müßig${PASS}order_id=X1${PASS}`],
		['+ & = in values', { a: '1+1=2 & more', b: 'x' }, `a=1+1=2 & more${PASS}b=x${PASS}`],
		['empty values skipped', { a: '', b: '0', c: '' }, `b=0${PASS}`],
		['byte order, not locale: upper before lower, _ after letters', { b: '1', B: '2', a_b: '3', ab: '4' }, `B=2${PASS}a_b=3${PASS}ab=4${PASS}b=1${PASS}`],
		['SHASIGN and sha_sign excluded', { x: '1', SHASIGN: 'abc', sha_sign: 'def' }, `x=1${PASS}`],
	];
	it.each(cases)('%s', (_name, params, canonical) => {
		expect(signIpn(params, PASS)).toBe(sha512(canonical));
		expect(verifyIpn({ ...params, sha_sign: sha512(canonical) }, PASS)).toBe('valid');
	});

	it('upper-case-key signatures are accepted (Digistore24 PHP helper mode)', () => {
		const params = { order_id: 'O1', orderform_id: '7' };
		// ORDERFORM_ID sorts before ORDER_ID, the opposite of the original keys.
		const canonical = `ORDERFORM_ID=7${PASS}ORDER_ID=O1${PASS}`;
		expect(signIpn(params, PASS, { upperCaseKeys: true })).toBe(sha512(canonical));
		expect(verifyIpn({ ...params, sha_sign: sha512(canonical) }, PASS)).toBe('valid');
	});

	it('lower-case hex signatures are accepted', () => {
		const params = { order_id: 'O1' };
		expect(verifyIpn({ ...params, sha_sign: signIpn(params, PASS).toLowerCase() }, PASS)).toBe('valid');
	});
});

describe('sha_sign: forgeries are rejected', () => {
	const base: Record<string, string> = { event: 'on_payment', order_id: 'A1B2', amount: '49.00', email: 'kaeufer@example.de' };
	const signed: Record<string, string> = { ...base, sha_sign: signIpn(base, PASS) };

	it.each([
		['changed value', { ...signed, amount: '4.90' }],
		['changed key', (() => { const { email, ...rest } = signed; return { ...rest, emial: email }; })()],
		['added parameter', { ...signed, extra: '1' }],
		['removed parameter', (() => { const { amount: _a, ...rest } = signed; return rest; })()],
		['truncated signature', { ...signed, sha_sign: signed.sha_sign.slice(0, 127) }],
		['signature of another passphrase', { ...base, sha_sign: signIpn(base, 'other') }],
	])('%s', (_name, params) => {
		expect(verifyIpn(params as Record<string, string>, PASS)).not.toBe('valid');
	});

	it('fails closed without a passphrase, without a signature, and for the unsigned marker', () => {
		expect(verifyIpn(signed, '')).toBe('no-passphrase');
		expect(verifyIpn(base, PASS)).toBe('missing');
		expect(verifyIpn({ ...base, sha_sign: 'no_signature_passphrase_provided' }, PASS)).toBe('unsigned');
	});
});

describe('sha_sign: the remembered key order of recent layouts', () => {
	it('never mixes up two layouts whose keys join to the same text', () => {
		// As one text both read "event", "a&b", "c" / "event", "a", "b&c": a layout cache keyed by a
		// plain join would verify the second with the first one's keys.
		const first = { event: 'on_payment', 'a&b': '1', c: '2' };
		const second = { event: 'on_payment', a: '1', 'b&c': '2' };
		expect(verifyIpn({ ...first, sha_sign: signIpn(first, PASS) }, PASS)).toBe('valid');
		expect(verifyIpn({ ...second, sha_sign: signIpn(second, PASS) }, PASS)).toBe('valid');
		expect(verifyIpn({ ...second, sha_sign: signIpn(first, PASS) }, PASS)).toBe('invalid');
		expect(canonicalString(second, PASS)).toBe(`a=1${PASS}b&c=2${PASS}event=on_payment${PASS}`);
	});

	it('gives the same answer the first time and every later time a layout is seen', () => {
		const params = { z: '1', event: 'on_refund', A: '2', m: '', b: '3' };
		const sha_sign = signIpn(params, PASS);
		const answers = Array.from({ length: 3 }, () => [verifyIpn({ ...params, sha_sign }, PASS), verifyIpn({ ...params, b: '4', sha_sign }, PASS)]);
		expect(answers).toEqual(Array.from({ length: 3 }, () => ['valid', 'invalid']));
		expect(canonicalString(params, PASS)).toBe(`A=2${PASS}b=3${PASS}event=on_refund${PASS}z=1${PASS}`);
	});

	it('keeps every layout right beyond the 64 it remembers, and sorts upper-cased keys apart', () => {
		// 100 layouts, each seen three times in turn: the later ones push the first out of memory.
		const layouts = Array.from({ length: 100 }, (_, i) => ({ event: 'on_payment', [`k${i}`]: 'x', b: String(i), a: 'y' }));
		for (let pass = 0; pass < 3; pass++) {
			for (const params of layouts) {
				expect(verifyIpn({ ...params, sha_sign: signIpn(params, PASS) }, PASS)).toBe('valid');
				expect(verifyIpn({ ...params, sha_sign: signIpn(params, PASS, { upperCaseKeys: true }) }, PASS)).toBe('valid');
			}
		}
		// "a" < "B" < "c" by upper case, "B" < "a" < "c" by bytes: one layout, two orders.
		const mixed = { c: '3', a: '1', B: '2' };
		expect(canonicalString(mixed, PASS)).toBe(`B=2${PASS}a=1${PASS}c=3${PASS}`);
		expect(canonicalString(mixed, PASS, { upperCaseKeys: true })).toBe(`A=1${PASS}B=2${PASS}C=3${PASS}`);
		expect(canonicalString(mixed, PASS)).toBe(`B=2${PASS}a=1${PASS}c=3${PASS}`);
	});
});
