// Where the n8n lines differ for the harness (not for the package), keyed by n8n's major version.
// Everything else the tests do is the same on n8n 1.x and 2.x.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { repoRoot } from './runtime.mjs';

/**
 * The package's credential types that send their secret by themselves (`authenticate`), read from
 * the build the tests install: n8n 1.x gives only those its domain-restriction field
 * (shouldAddDomainRestrictions in its load-nodes-and-credentials.js).
 */
let authenticating;
function authenticatingCredentialTypes() {
	if (authenticating) return authenticating;
	const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
	const load = createRequire(path.join(repoRoot, 'package.json'));
	const types = new Set();
	for (const file of manifest.n8n.credentials) {
		for (const Type of Object.values(load(path.join(repoRoot, file)))) {
			const credential = typeof Type === 'function' ? new Type() : undefined;
			if (credential?.authenticate !== undefined) types.add(credential.name);
		}
	}
	return (authenticating = types);
}

export function n8nQuirks(major) {
	return {
		/**
		 * n8n 1.x adds "Allowed HTTP Request Domains" to every credential type, and its public API's
		 * schema requires `allowedDomains` when that field is absent (if/then), so a credential made
		 * over the API must say "all" (what the editor's default means). Only to types that send their
		 * secret themselves (the API key); for others (the postback token) the field is refused. 2.x
		 * has no such field.
		 */
		credentialData: (data, type) => (major === 1 && authenticatingCredentialTypes().has(type) ? { allowedHttpRequestDomains: 'all', ...data } : data),
		/** n8n 1.x tests only a saved credential (403 for id ''); 2.x also tests unsaved data. */
		testsUnsavedCredentials: major >= 2,
		/** 2.x's mcp-registry module calls api.n8n.io at startup; 1.x has no such module and refuses to start when it is named. */
		disabledModules: major === 1 ? '' : 'mcp-registry',
	};
}
