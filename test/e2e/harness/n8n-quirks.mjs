// Where the n8n lines differ for the harness (not for the package), keyed by n8n's major version.
// Everything else the tests do is the same on n8n 1.x and 2.x.
export function n8nQuirks(major) {
	return {
		/**
		 * n8n 1.x adds "Allowed HTTP Request Domains" to every credential type, and its public API's
		 * schema requires `allowedDomains` when that field is absent (if/then), so a credential made
		 * over the API must say "all" (what the editor's default means). 2.x has no such field.
		 */
		credentialData: (data) => (major === 1 ? { allowedHttpRequestDomains: 'all', ...data } : data),
		/** n8n 1.x tests only a saved credential (403 for id ''); 2.x also tests unsaved data. */
		testsUnsavedCredentials: major >= 2,
		/** 2.x's mcp-registry module calls api.n8n.io at startup; 1.x has no such module and refuses to start when it is named. */
		disabledModules: major === 1 ? '' : 'mcp-registry',
	};
}
