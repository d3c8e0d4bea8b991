/**
 * Forgery fuzzing over the trigger's whole receive path (raw body → parse → verify → decide):
 * a property-based run with fast-check and a deterministic mutation run of 100,000 variants.
 * Oracle: a variant may be accepted only if it means the same as the signed notification
 * (same parameters once empty values are dropped, Digistore24's signature ignoring those) and
 * still carries the original signature.
 */
import fc from 'fast-check';
import { decide, type ReceiveSettings } from '../../nodes/Digistore24/ipn/receive';
import { parseIpnBody } from '../../nodes/Digistore24/ipn/parse';
import { signIpn } from '../../nodes/Digistore24/ipn/signature';
import { IPN_EVENTS } from '../../nodes/Digistore24/ipn/events';
import { buildSampleIpn, signedBody } from '../emulator/ipn-sender';
import { createRandom } from '../emulator/prng';

const PASS = 'fuzz-passphrase-42';
const settings: ReceiveSettings = { events: IPN_EVENTS.map((e) => e.value), passphrase: PASS, productIds: [], includeConnectionTests: true, rawOnly: true };

function meaning(body: string): string | undefined {
	const parsed = parseIpnBody(body);
	if (parsed.malformed || parsed.duplicateKeys.length) return undefined;
	const entries = Object.entries(parsed.params).filter(([key, value]) => value !== '' && key !== 'sha_sign');
	return JSON.stringify(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

const signatureOf = (body: string) => parseIpnBody(body).params.sha_sign;
const accepted = (body: string) => decide(body, settings).run;

describe('property: arbitrary signed payloads', () => {
	const key = fc.stringMatching(/^[a-z][a-z0-9_]{0,15}$/);
	const value = fc.string({ unit: 'grapheme', maxLength: 20 });
	const payload = fc.dictionary(key, value, { minKeys: 1, maxKeys: 25 }).map((p): Record<string, string> => ({ event: 'on_payment', ...p }));

	it('accepts every correctly signed payload, whatever its characters', () => {
		fc.assert(fc.property(payload, (params) => accepted(signedBody(params, PASS))), { numRuns: 2000 });
	});

	it('rejects any payload with one value changed', () => {
		fc.assert(
			fc.property(payload, fc.nat(), value, (params, pick, replacement) => {
				const keys = Object.keys(params);
				const target = keys[pick % keys.length];
				fc.pre(replacement !== params[target] && !(replacement === '' || params[target] === '') && !/&/.test(replacement + params[target]));
				const sha_sign = signIpn(params, PASS);
				const forged = { ...params, [target]: replacement, sha_sign };
				return !accepted(signedBodyWith(forged));
			}),
			{ numRuns: 2000 },
		);
	});

	it('rejects signatures made with any other passphrase', () => {
		fc.assert(
			fc.property(payload, fc.string({ minLength: 1, maxLength: 30 }), (params, other) => {
				fc.pre(other !== PASS);
				return !accepted(signedBody(params, other));
			}),
			{ numRuns: 1000 },
		);
	});
});

/** Encodes parameters as given (sha_sign included), without re-signing. */
function signedBodyWith(params: Record<string, string>): string {
	return Object.entries(params)
		.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
		.join('&');
}

describe('mutation run: 100,000 variants of signed notifications', () => {
	it('accepts only variants with the same meaning and the original signature', () => {
		const rng = createRandom(20261122);
		const random = rng.next;
		// Every event as a 20-field notification, and one full-size (about 180-field) payment.
		const short = IPN_EVENTS.map((e) => Object.fromEntries(Object.entries(buildSampleIpn(e.value)).slice(0, 20)));
		const bases = [...short, buildSampleIpn('on_payment')].map((params) => signedBody(params, PASS));
		const baseMeanings = bases.map(meaning);
		const mutations = [
			changeValueChar, changeKeyChar, addParameter, removeParameter, duplicateParameter, flipCase,
			reencodeSpaces, truncateSignature, otherPassphrase,
		];
		const counts = { variants: 0, accepted: 0, sameMeaning: 0, forgedAccepted: 0 };
		for (let i = 0; i < 100_000; i++) {
			// one variant in 50 from the full-size payment
			const b = i % 50 === 0 ? bases.length - 1 : i % (bases.length - 1);
			const base = bases[b];
			const mutate = mutations[Math.floor(random() * mutations.length)];
			const variant = mutate(base, random);
			counts.variants++;
			const ok = accepted(variant);
			const same = signatureOf(variant) === signatureOf(base) && meaning(variant) === baseMeanings[b];
			if (same) counts.sameMeaning++;
			if (ok) counts.accepted++;
			if (ok && !same) {
				counts.forgedAccepted++;
				throw new Error(`forged variant accepted (${mutate.name}): ${variant.slice(0, 300)}`);
			}
			if (same && !ok) throw new Error(`variant with the same meaning refused (${mutate.name}): ${variant.slice(0, 300)}`);
		}
		console.info(`signature mutation run: ${JSON.stringify(counts)}`);
		expect(counts.variants).toBe(100_000);
		expect(counts.forgedAccepted).toBe(0);
		// The run must contain both kinds, or it proves nothing.
		expect(counts.sameMeaning).toBeGreaterThan(1000);
		expect(counts.variants - counts.sameMeaning).toBeGreaterThan(80_000);
	});
});

type Rng = () => number;
const pairs = (body: string) => body.split('&');
const pick = <T>(list: T[], random: Rng) => list[Math.floor(random() * list.length)];
const pickIndex = (list: unknown[], random: Rng, skipSignature = true) => {
	for (;;) {
		const i = Math.floor(random() * list.length);
		if (!skipSignature || !String(list[i]).startsWith('sha_sign=')) return i;
	}
};
const ALPHABET = 'abcXYZ019 _-.,;:+%&=äöü€';

function changeValueChar(body: string, random: Rng): string {
	const list = pairs(body);
	const i = pickIndex(list, random);
	const [key, value = ''] = list[i].split('=');
	const decoded = decodeURIComponent(value.replace(/\+/g, ' '));
	const at = Math.floor(random() * (decoded.length + 1));
	const replacement = decoded.slice(0, at) + pick([...ALPHABET], random) + decoded.slice(at + 1);
	list[i] = `${key}=${encodeURIComponent(replacement)}`;
	return list.join('&');
}

function changeKeyChar(body: string, random: Rng): string {
	const list = pairs(body);
	const i = pickIndex(list, random);
	const [key, value = ''] = list[i].split('=');
	const at = Math.floor(random() * key.length);
	list[i] = `${key.slice(0, at)}${pick([...'abcxyz_019'], random)}${key.slice(at + 1)}=${value}`;
	return list.join('&');
}

function addParameter(body: string, random: Rng): string {
	const value = random() < 0.2 ? '' : encodeURIComponent(pick(['1', 'Y', 'x y', '0.00', 'evil'], random));
	return `${body}&extra_${Math.floor(random() * 1000)}=${value}`;
}

function removeParameter(body: string, random: Rng): string {
	const list = pairs(body);
	list.splice(pickIndex(list, random), 1);
	return list.join('&');
}

function duplicateParameter(body: string, random: Rng): string {
	const list = pairs(body);
	const i = pickIndex(list, random);
	const [key] = list[i].split('=');
	list.push(`${key}=${random() < 0.5 ? list[i].split('=')[1] ?? '' : 'other'}`);
	return list.join('&');
}

function flipCase(body: string, random: Rng): string {
	const list = pairs(body);
	const i = pickIndex(list, random);
	list[i] = random() < 0.5 ? list[i].toUpperCase() : list[i].replace(/=(.*)$/, (_m, v: string) => `=${v.toUpperCase()}`);
	return list.join('&');
}

/** `+` and `%20` both mean a space: same meaning. A literal `+` re-encoded as space is not. */
function reencodeSpaces(body: string, random: Rng): string {
	return random() < 0.5 ? body.replace(/\+/g, '%20') : body.replace(/%2B/gi, '+');
}

function truncateSignature(body: string, random: Rng): string {
	return body.replace(/sha_sign=([0-9A-F]+)/, (_m, sig: string) => `sha_sign=${sig.slice(0, Math.floor(random() * sig.length))}`);
}

function otherPassphrase(body: string, random: Rng): string {
	const params = parseIpnBody(body).params;
	return signedBody(Object.fromEntries(Object.entries(params).filter(([k]) => k !== 'sha_sign')), `${PASS}${Math.floor(random() * 10)}`);
}
