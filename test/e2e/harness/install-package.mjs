// Installs a packed community package into an n8n user folder the way n8n itself does
// (community-packages service: npm pack + untar with --strip-components=1 into
// <userFolder>/.n8n/nodes/node_modules/<name>, then runtime deps with scripts off).
// n8n scans that folder at startup; no database row is needed.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

export function readTarballManifest(tarball) {
	return JSON.parse(execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }));
}

/** Replaces any earlier install of the same package; returns { name, version, dir }. */
export function installPackage(userFolder, tarball) {
	const { name, version } = readTarballManifest(tarball);
	const dir = path.join(userFolder, '.n8n/nodes/node_modules', name);
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	execFileSync('tar', ['-xzf', tarball, '-C', dir, '--strip-components=1']);
	const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
	if (Object.keys(manifest.dependencies ?? {}).length > 0) {
		execFileSync(
			'npm',
			['install', '--omit=dev', '--omit=peer', '--ignore-scripts', '--no-package-lock', '--no-audit', '--no-fund'],
			{ cwd: dir, stdio: ['ignore', 2, 2] },
		);
	}
	return { name, version, dir };
}
