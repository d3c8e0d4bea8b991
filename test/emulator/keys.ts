/**
 * The emulator's API keys. Fixed strings so tests, the CLI and a local n8n credential can all use
 * the same values. Format as at Digistore24: `<numeric key id>-<40 alphanumerics>`; the id is what
 * IPNs carry as `ipn_config_api_key_id`.
 */
export type Permission = 'writable' | 'readonly';

export interface ApiKeyInfo {
	/** Numeric prefix of the key, safe to log. */
	id: string;
	permission: Permission;
}

export const FULL_ACCESS_KEY = '1234-lSh9pg14E9ML9DXBEp5ytDmeM3ExJBst1yzuCVJo';
export const READ_ONLY_KEY = '5678-XSwT2iMcjZS0lVskYjOFkgcScEvMH0lm5PdYnqOL';
/** A second full-access key of the same account: what a seller switches to when rotating keys. */
export const SECOND_FULL_ACCESS_KEY = '4321-Qm7Rk2Vb9Xw3Lp8Tz5Nc1Hd6Gf4Js0Ya2Ue7Wo3i';

const KEYS: ReadonlyMap<string, ApiKeyInfo> = new Map([
	[FULL_ACCESS_KEY, { id: '1234', permission: 'writable' }],
	[READ_ONLY_KEY, { id: '5678', permission: 'readonly' }],
	[SECOND_FULL_ACCESS_KEY, { id: '4321', permission: 'writable' }],
]);

export function lookupKey(key: string): ApiKeyInfo | undefined {
	return KEYS.get(key);
}
