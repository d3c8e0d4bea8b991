// First step of `npm run dev` and `npm test`: installs what they need and is not there yet, so
// either works as the first command on a fresh clone (and takes well under a second when all is
// there). Node built-ins only, since node_modules may not exist yet. npm skips pre/post scripts
// under this project's `ignore-scripts=true`, so package.json chains this explicitly.
//
//   node test/setup/setup.mjs dev    npm dependencies, the n8n `npm run dev` starts (+ its Node)
//   node test/setup/setup.mjs test   npm dependencies, every n8n the tests run on, Debian's chromium, postgresql, redis-server
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TEST_DEBIAN_PACKAGES, ensureDebianPackages } from './debian-packages.mjs';
import { ensureNpmDependencies } from './npm-dependencies.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const say = (msg) => console.error(`[setup] ${msg}`);

function ensureN8n(purpose) {
	// install.sh returns at once when its cache is complete. `test` installs every n8n the suite runs
	// on (test/e2e/n8n/versions.sh), `dev` only the one `npm run dev` starts (N8N_VERSION, default the newest).
	const versions = purpose === 'dev' ? [process.env.N8N_VERSION || 'newest'] : [];
	const r = spawnSync('bash', [path.join(root, 'test/e2e/n8n/install.sh'), ...versions], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
	if (r.status !== 0) throw new Error(`test/e2e/n8n/install.sh failed (exit ${r.status ?? r.signal}); \`npm run n8n:install\` runs it alone`);
}

const purpose = process.argv[2];
if (!['dev', 'test'].includes(purpose)) {
	say('usage: node test/setup/setup.mjs dev|test');
	process.exit(2);
}
try {
	ensureNpmDependencies(root, say);
	if (purpose === 'test') ensureDebianPackages(TEST_DEBIAN_PACKAGES, say);
	ensureN8n(purpose);
} catch (error) {
	say(error.message);
	process.exit(1);
}
