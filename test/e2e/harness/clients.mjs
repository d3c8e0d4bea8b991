// n8n endpoints used by the tests (the same on 2.41.1 and 1.123.81; differences in n8n-quirks.mjs):
// the public API (/api/v1 + X-N8N-API-KEY) and the editor's cookie-session REST API (/rest,
// /types), including owner setup and API key creation.
import { apiClient, sessionClient } from './http.mjs';

export const OWNER = Object.freeze({
	email: 'owner@example.com',
	password: 'E2eOwnerPassw0rd', // n8n: 8-64 chars, a digit and an uppercase letter
	firstName: 'E2E',
	lastName: 'Owner',
});

export function publicApi(baseUrl, getKey, quirks) {
	const call = apiClient(baseUrl, getKey);
	return {
		call,
		createCredential: (c) => call('POST', '/credentials', { ...c, data: quirks.credentialData(c.data, c.type) }), // {name, type, data}
		deleteCredential: (id) => call('DELETE', `/credentials/${id}`),
		/** Stored credential test: {status:'OK'|'Error', message}. */
		testCredential: (id) => call('POST', `/credentials/${id}/test`),
		createWorkflow: (wf) => call('POST', '/workflows', { settings: {}, ...wf }), // {name, nodes, connections}
		getWorkflow: (id) => call('GET', `/workflows/${id}`),
		activate: (id) => call('POST', `/workflows/${id}/activate`),
		deactivate: (id) => call('POST', `/workflows/${id}/deactivate`),
		deleteWorkflow: (id) => call('DELETE', `/workflows/${id}`),
		listExecutions: async (workflowId, includeData = false) =>
			(await call('GET', `/executions?workflowId=${workflowId}&includeData=${includeData}&limit=250`)).data,
		getExecution: (id, includeData = true) => call('GET', `/executions/${id}?includeData=${includeData}`),
	};
}

/** `api`: the public API client, for the credential test of n8n versions that test saved credentials only. */
export function restApi(baseUrl, quirks, api) {
	const rest = sessionClient(baseUrl);
	const test = async (credentials) => (await rest.post('/rest/credentials/test', { credentials: { name: '', ...credentials } })).data;
	return {
		...rest,
		nodeTypes: () => rest.get('/types/nodes.json'),
		credentialTypes: () => rest.get('/types/credentials.json'),
		/**
		 * Credential test as the editor does it: POST /rest/credentials/test {credentials:{id,name,type,data}}
		 * -> {status:'OK'|'Error', message}. id = a saved credential (`data` overrides its stored values),
		 * or id '' to test unsaved data (2.41.1 allows that for the owner: credential:manageInstance;
		 * on n8n 1.x, whose editor saves before it tests, the data is saved, tested and deleted).
		 */
		testCredential: async (credentials) => {
			if (credentials.id || quirks.testsUnsavedCredentials) return await test(credentials);
			const saved = await api.createCredential({ name: `credential test ${Date.now()}`, type: credentials.type, data: credentials.data });
			try {
				return await test({ ...credentials, id: saved.id, data: quirks.credentialData(credentials.data, credentials.type) });
			} finally {
				await api.deleteCredential(saved.id);
			}
		},
	};
}

/** First start: create the owner. Every start: log in (sets the n8n-auth cookie). */
export async function setupOwnerAndLogin(rest, owner = OWNER) {
	const settings = await rest.get('/rest/settings');
	if (settings.data.userManagement.showSetupOnFirstLoad) {
		const { email, firstName, lastName, password } = owner;
		await rest.post('/rest/owner/setup', { email, firstName, lastName, password });
	}
	// n8n 1.123 and 2.x; older 1.x used `email`.
	await rest.post('/rest/login', { emailOrLdapLoginId: owner.email, password: owner.password });
}

/** API key with every scope the owner may grant. */
export async function createApiKey(rest) {
	const { data: scopes } = await rest.get('/rest/api-keys/scopes');
	const { data } = await rest.post('/rest/api-keys', { label: `e2e-${Date.now()}`, scopes, expiresAt: null });
	return data.rawApiKey;
}
