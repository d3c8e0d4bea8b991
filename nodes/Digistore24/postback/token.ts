import { timingSafeEqual } from 'crypto';
import { digestOf } from '../ipn/hash';
import type { ICredentialsDecrypted, ICredentialTestFunctions, INodeCredentialTestResult } from 'n8n-workflow';

/**
 * Postbacks are unsigned (reference §6): the secret token in the URL is what tells Digistore24's
 * requests from anyone else's. Compared in constant time over SHA-256 digests, so neither the
 * content nor the length of the expected token leaks through timing.
 */
export const MIN_TOKEN_LENGTH = 16;

export type TokenVerdict = 'valid' | 'no-token-configured' | 'token-too-short' | 'missing' | 'wrong';

export function checkToken(sent: string | undefined, expected: string | undefined): TokenVerdict {
	if (!expected) return 'no-token-configured';
	if (expected.length < MIN_TOKEN_LENGTH) return 'token-too-short';
	if (sent === undefined || sent === '') return 'missing';
	return timingSafeEqual(digest(sent), expectedDigest(expected)) ? 'valid' : 'wrong';
}

const digest = (text: string): Buffer => digestOf('sha256', text);

/** The credential's token is the same for every request: its digest is computed once per token. */
let lastExpected: { token: string; digest: Buffer } | undefined;
function expectedDigest(token: string): Buffer {
	if (lastExpected?.token !== token) lastExpected = { token, digest: digest(token) };
	return lastExpected.digest;
}

export const TOKEN_REASONS: Record<Exclude<TokenVerdict, 'valid'>, string> = {
	'no-token-configured': 'the Digistore24 Postback credential has no token, so no postback can be accepted',
	'token-too-short': `the token in the Digistore24 Postback credential is shorter than ${MIN_TOKEN_LENGTH} characters; use a long random one`,
	missing: 'the request has no token parameter',
	wrong: 'the token parameter does not match the credential',
};

/** The credential's Test button: the token is only ever compared, so the test checks it is usable. */
export async function testPostbackToken(this: ICredentialTestFunctions, credential: ICredentialsDecrypted): Promise<INodeCredentialTestResult> {
	const token = credential.data?.token;
	const verdict = checkToken(typeof token === 'string' ? token : '', typeof token === 'string' ? token : undefined);
	if (verdict === 'valid') return { status: 'OK', message: 'The token is long enough. Put it into the postback URL in place of YOUR_TOKEN.' };
	return { status: 'Error', message: TOKEN_REASONS[verdict as Exclude<TokenVerdict, 'valid'>] };
}
