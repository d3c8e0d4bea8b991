// Where the real n8n and its Node 24 live. The shell scripts in ../n8n/ are the single source of
// truth for versions and paths, so we ask bash to source env.sh instead of repeating them here.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '../../..');
const scriptsDir = path.join(repoRoot, 'test/e2e/n8n');

let cached;

/** Paths and env of the pinned n8n runtime (does not install anything). */
export function n8nRuntime() {
	if (cached) return cached;
	const out = execFileSync(
		'bash',
		[
			'-c',
			'source "$1/env.sh" && printf "%s\\n" "$N8N_VERSION" "$N8N_HOME_DIR" "$NODE24_DIR" "$PATH" "$npm_config_nodedir"',
			'env',
			scriptsDir,
		],
		{ encoding: 'utf8' },
	).split('\n');
	const [version, homeDir, node24Dir, PATH, nodedir] = out;
	cached = {
		version,
		homeDir,
		node: path.join(node24Dir, 'node_modules/.bin/node'),
		n8nBin: path.join(homeDir, 'node_modules/n8n/bin/n8n'),
		n8nDist: path.join(homeDir, 'node_modules/n8n/dist'),
		// env.sh's PATH puts Node 24 first, so n8n's task runner child also gets Node 24.
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
	const r = spawnSync('bash', [path.join(scriptsDir, 'install.sh')], { stdio: ['ignore', 2, 2] });
	if (r.status !== 0) throw new Error(`test/e2e/n8n/install.sh failed (exit ${r.status})`);
	cached = undefined;
	return n8nRuntime();
}
