import * as crypto from 'crypto';

/**
 * A digest of one string in one call. Node 20.12+ has crypto.hash(), which spares the Hash object
 * createHash() builds: the triggers hash several times per request (signature, repeat key, token).
 */
const oneShot = (crypto as { hash?: (algorithm: string, data: string, encoding: string) => Buffer | string }).hash;

export function digestOf(algorithm: 'sha1' | 'sha256' | 'sha512', text: string): Buffer;
export function digestOf(algorithm: 'sha1' | 'sha256' | 'sha512', text: string, encoding: 'base64' | 'hex'): string;
export function digestOf(algorithm: 'sha1' | 'sha256' | 'sha512', text: string, encoding?: 'base64' | 'hex'): Buffer | string {
	if (oneShot) return oneShot(algorithm, text, encoding ?? 'buffer');
	const hash = crypto.createHash(algorithm).update(text, 'utf8');
	return encoding ? hash.digest(encoding) : hash.digest();
}
