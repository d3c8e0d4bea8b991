// Are node_modules what package-lock.json says? Node built-ins only: this runs before anything
// is installed. npm records what it installed in node_modules/.package-lock.json; comparing that
// with package-lock.json takes milliseconds, so every `npm run dev` / `npm test` can ask.
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, readFileSync } from 'node:fs';
import path from 'node:path';

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));

/** What differs between package-lock.json and node_modules: [] when nothing does. */
export function npmDependencyDifferences(root) {
	const installedLock = path.join(root, 'node_modules/.package-lock.json');
	if (!existsSync(installedLock)) return ['node_modules is missing or was not installed by npm'];
	const wanted = readJson(path.join(root, 'package-lock.json')).packages ?? {};
	const installed = readJson(installedLock).packages ?? {};
	const differences = [];
	for (const [where, pkg] of Object.entries(wanted)) {
		if (!where.startsWith('node_modules/')) continue; // the project itself
		const have = installed[where];
		// optional packages for other platforms (e.g. fsevents) are never installed here
		if (!have && (pkg.optional || pkg.devOptional)) continue;
		if (!have) differences.push(`${where} is missing`);
		else if (have.version !== pkg.version) differences.push(`${where} is ${have.version}, package-lock.json wants ${pkg.version}`);
	}
	return differences;
}

/**
 * Runs `npm ci` when node_modules differ from package-lock.json. A node_modules that is a symlink
 * (a git worktree sharing another checkout's) is never reinstalled through the link: that would
 * wipe the other checkout's; then it only warns.
 */
export function ensureNpmDependencies(root, say) {
	const differences = npmDependencyDifferences(root);
	if (differences.length === 0) return false;
	const shown = differences.slice(0, 3).join('; ') + (differences.length > 3 ? `; ${differences.length - 3} more` : '');
	const modules = path.join(root, 'node_modules');
	if (existsSync(modules) && lstatSync(modules).isSymbolicLink()) {
		say(`WARNING: node_modules (a symlink) differs from package-lock.json (${shown}); run \`npm ci\` where it points to`);
		return false;
	}
	say(`installing the npm dependencies (npm ci): ${shown}`);
	const t0 = Date.now();
	const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
	if (r.status !== 0) throw new Error(`npm ci failed (exit ${r.status ?? r.signal})`);
	say(`npm ci: ${Math.round((Date.now() - t0) / 1000)} s`);
	return true;
}
