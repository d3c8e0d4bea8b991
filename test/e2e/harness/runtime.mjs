// Where the real n8n and the Node it runs on live. The shell scripts in ../n8n/ are the single
// source of truth for versions and paths, so we ask bash to source env.sh instead of repeating them
// here. N8N_VERSION in the environment picks the version (default: versions.sh's N8N_NEWEST).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '../../..');
const scriptsDir = path.join(repoRoot, 'test/e2e/n8n');

let cached;

/** Paths and env of the chosen n8n runtime (does not install anything). */
export function n8nRuntime() {
	if (cached) return cached;
	const out = execFileSync(
		'bash',
		[
			'-c',
			'source "$1/env.sh" && printf "%s\\n" "$N8N_VERSION" "$N8N_HOME_DIR" "$NODE_DIR" "$PATH" "$npm_config_nodedir" "$N8N_VERSIONS" "$N8N_NEWEST"',
			'env',
			scriptsDir,
		],
		{ encoding: 'utf8' },
	).split('\n');
	const [version, homeDir, nodeDir, PATH, nodedir, versions, newest] = out;
	cached = {
		version,
		/** n8n's major version, for the few places where n8n 1.x and 2.x differ (see n8n-quirks.mjs). */
		major: Number(version.split('.')[0]),
		/** Every n8n version `npm test` runs on; `newest` runs every e2e test, the others the core checks. */
		versions: versions.split(' ').filter(Boolean),
		newest,
		homeDir,
		node: path.join(nodeDir, 'node_modules/.bin/node'),
		n8nBin: path.join(homeDir, 'node_modules/n8n/bin/n8n'),
		n8nDist: path.join(homeDir, 'node_modules/n8n/dist'),
		// env.sh's PATH puts n8n's Node first, so n8n's task runner child gets the same Node.
		env: { PATH, npm_config_nodedir: nodedir },
		installed: existsSync(path.join(homeDir, '.complete')),
	};
	return cached;
}

/**
 * Runs install.sh once per machine (it returns at once when the cache is complete), so a fresh
 * clone can run `npm run test:e2e` / `npm run dev` directly. Its output goes to stderr because
 * stdout of a test file is the test runner's report channel.
 */
export function ensureN8nInstalled() {
	if (n8nRuntime().installed) return n8nRuntime();
	const r = spawnSync('bash', [path.join(scriptsDir, 'install.sh'), n8nRuntime().version], { stdio: ['ignore', 2, 2] });
	if (r.status !== 0) throw new Error(`test/e2e/n8n/install.sh failed (exit ${r.status})`);
	cached = undefined;
	return n8nRuntime();
}
