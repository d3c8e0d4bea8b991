// Row 4: what installing the package costs n8n. Load time: a fresh process requires every node and
// credential module listed in package.json's `n8n` section from dist/ and constructs each class (as
// n8n's loader does), after n8n-workflow and zod are loaded (n8n has loaded both before it loads
// community packages). Plus the packed tarball's size and the runtime dependencies it declares.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readTarballManifest } from '../e2e/harness/install-package.mjs';
import { repoRoot } from '../e2e/harness/runtime.mjs';

const LOAD_SCRIPT = `
require('n8n-workflow');
require('zod');
const modules = JSON.parse(process.argv[1]);
const start = process.hrtime.bigint();
for (const file of modules) {
	const exported = require(file);
	for (const value of Object.values(exported)) if (typeof value === 'function') new value();
}
process.stdout.write(String(Number(process.hrtime.bigint() - start) / 1e6));
`;

/**
 * Milliseconds to load and construct every node and credential of a package's dist/, one fresh
 * process per round. n8n-workflow and zod come from this checkout's node_modules (NODE_PATH).
 */
export function measureLoad({ node = process.execPath, rounds = 15, packageDir = repoRoot } = {}) {
	const manifest = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8'));
	const modules = [...manifest.n8n.nodes, ...manifest.n8n.credentials].map((file) => path.join(packageDir, file));
	const env = { ...process.env, NODE_PATH: path.join(repoRoot, 'node_modules') };
	const ms = [];
	for (let round = 0; round < rounds; round++) {
		ms.push(Number(execFileSync(node, ['-e', LOAD_SCRIPT, JSON.stringify(modules)], { cwd: repoRoot, encoding: 'utf8', env })));
	}
	return { node: execFileSync(node, ['--version'], { encoding: 'utf8' }).trim(), modules: modules.length, ms };
}

/** Unpacks the tarball into a temporary folder (removed by the caller); throws unless it holds every file n8n loads. */
export function unpackTarball(tarball) {
	const dir = mkdtempSync(path.join(os.tmpdir(), 'n8n-bench-package-'));
	execFileSync('tar', ['-xzf', tarball, '-C', dir, '--strip-components=1']);
	const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
	const missing = [...manifest.n8n.nodes, ...manifest.n8n.credentials].filter((file) => !existsSync(path.join(dir, file)));
	if (missing.length) {
		rmSync(dir, { recursive: true, force: true });
		throw new Error(`${tarball} lacks ${missing.join(', ')} (was dist/ rebuilt while it was packed?)`);
	}
	return dir;
}

export function measureTarball(tarball) {
	const manifest = readTarballManifest(tarball);
	const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n').filter(Boolean).length;
	return {
		bytes: statSync(tarball).size,
		files,
		runtimeDependencies: Object.keys(manifest.dependencies ?? {}).length,
	};
}
