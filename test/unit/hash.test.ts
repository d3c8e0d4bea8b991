import { createHash } from 'crypto';

/**
 * digestOf() uses crypto.hash() where Node has it (20.12+) and createHash() elsewhere: both paths
 * must give exactly createHash()'s digest, for every algorithm and encoding the triggers use,
 * including non-ASCII text (hashed as UTF-8, as Digistore24 signs it).
 */
const TEXTS = ['', 'event=on_payment', 'buyer_first_name=Jürgen€passphrase', 'x'.repeat(10_000)];
const ALGORITHMS = ['sha1', 'sha256', 'sha512'] as const;

type DigestOf = typeof import('../../nodes/Digistore24/ipn/hash').digestOf;

function load(withOneShot: boolean): DigestOf {
	let digestOf: DigestOf | undefined;
	jest.isolateModules(() => {
		if (!withOneShot) {
			jest.doMock('crypto', () => {
				const { hash: _oneShot, ...rest } = jest.requireActual<typeof import('crypto')>('crypto');
				return rest;
			});
		}
		digestOf = (require('../../nodes/Digistore24/ipn/hash') as typeof import('../../nodes/Digistore24/ipn/hash')).digestOf;
		// The path under test is the one the module saw.
		expect(typeof (require('crypto') as { hash?: unknown }).hash).toBe(withOneShot ? 'function' : 'undefined');
	});
	jest.dontMock('crypto');
	return digestOf as DigestOf;
}

describe.each([
	['with crypto.hash (Node 20.12+)', true],
	['with createHash only (older Node)', false],
])('digestOf %s', (_label, withOneShot) => {
	const digestOf = load(withOneShot);
	it.each(ALGORITHMS)('%s equals createHash as bytes, hex and base64', (algorithm) => {
		for (const text of TEXTS) {
			const expected = createHash(algorithm).update(text, 'utf8');
			const bytes = expected.copy().digest();
			expect(Buffer.isBuffer(digestOf(algorithm, text))).toBe(true);
			expect(digestOf(algorithm, text).equals(bytes)).toBe(true);
			expect(digestOf(algorithm, text, 'hex')).toBe(bytes.toString('hex'));
			expect(digestOf(algorithm, text, 'base64')).toBe(bytes.toString('base64'));
		}
	});
});
