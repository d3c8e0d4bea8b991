import { createHmac } from 'crypto';
import { derivePassphrase } from '../../nodes/Digistore24/ipn/passphrase';

/** The derived passphrase is kept per connection and key: it must stay what the formula gives. */
describe('derivePassphrase', () => {
	const formula = (apiKey: string, domainId: string) =>
		createHmac('sha256', apiKey).update(`n8n-digistore24-ipn:${domainId}`).digest('base64url').slice(0, 40);

	it('gives the formula for every key and connection, first and later calls alike, beyond what it keeps', () => {
		const pairs = Array.from({ length: 300 }, (_, i) => [`${1000 + (i % 7)}-key${i % 7}`, `n8n-wf${i}-node`] as const);
		for (let pass = 0; pass < 2; pass++) {
			for (const [apiKey, domainId] of pairs) expect(derivePassphrase(apiKey, domainId)).toBe(formula(apiKey, domainId));
		}
	});

	it('never mixes a key and a connection whose names run together', () => {
		// "ab" + "c" and "a" + "bc": a cache keyed by a plain join would hand one the other's passphrase.
		expect(derivePassphrase('1-ab', 'c')).toBe(formula('1-ab', 'c'));
		expect(derivePassphrase('1-a', 'bc')).toBe(formula('1-a', 'bc'));
		expect(derivePassphrase('1-a', 'bc')).not.toBe(derivePassphrase('1-ab', 'c'));
		expect(derivePassphrase('1-ab', 'c')).toHaveLength(40);
	});
});
