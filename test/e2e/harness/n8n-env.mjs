// Environment for a headless, offline n8n (see /work/shared/reference/real-n8n.md §3).
// Everything that would phone home is off; mcp-registry is the one module that otherwise calls
// api.n8n.io at startup.
import { n8nQuirks } from './n8n-quirks.mjs';
import { n8nRuntime } from './runtime.mjs';

export function n8nEnv({ userFolder, port, brokerPort, host = '127.0.0.1' }) {
	const quirks = n8nQuirks(n8nRuntime().major);
	return {
		N8N_USER_FOLDER: userFolder, // n8n keeps its data in <userFolder>/.n8n
		N8N_PORT: String(port),
		N8N_LISTEN_ADDRESS: host,
		N8N_HOST: '127.0.0.1',
		N8N_PROTOCOL: 'http',
		WEBHOOK_URL: `http://127.0.0.1:${port}/`, // what trigger nodes register (reachable from the emulator)
		// Own broker port per instance, so a test n8n can run beside `npm run dev` (default 5679).
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		N8N_SECURE_COOKIE: 'false', // the n8n-auth cookie must travel over plain http
		N8N_ENCRYPTION_KEY: 'e2e-not-secret-encryption-key',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
		DB_TYPE: 'sqlite',
		NODE_ENV: 'production',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_WHATS_NEW_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_DYNAMIC_BANNERS_ENABLED: 'false',
		N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
		N8N_AI_ENABLED: 'false',
		N8N_PYTHON_ENABLED: 'false',
		N8N_REINSTALL_MISSING_PACKAGES: 'false',
		EXTERNAL_FRONTEND_HOOKS_URLS: '',
		N8N_DISABLED_MODULES: quirks.disabledModules,
		N8N_LOG_LEVEL: 'info',
		N8N_LOG_OUTPUT: 'console',
	};
}
