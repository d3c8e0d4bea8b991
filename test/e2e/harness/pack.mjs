// Builds the package and packs it exactly as it would be published, once per run.
// E2E_TARBALL=/path/pkg.tgz skips both (e.g. to test a release artifact or another package).
//
// `node --test` runs every test file in its own process, so "once per run" is keyed by the test
// runner's process (our parent): pid + start time, which no later process can share.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from './runtime.mjs';

const PREFIX = 'n8n-e2e-pack-';

function startTime(pid) {
	try {
		// Field 22 of /proc/<pid>/stat; the command name (field 2) may contain spaces, so split after ')'.
		return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')[19];
	} catch {
		return undefined;
	}
}

// Removes pack folders of runs whose runner process is gone.
function sweep() {
	for (const name of readdirSync(os.tmpdir())) {
		const m = name.match(/^n8n-e2e-pack-(\d+)-(\d+)$/);
		if (m && startTime(m[1]) !== m[2]) rmSync(path.join(os.tmpdir(), name), { recursive: true, force: true });
	}
}

export function packPackage({ dir = repoRoot, build = true, log = (m) => console.error(`[e2e] ${m}`) } = {}) {
	if (process.env.E2E_TARBALL) return path.resolve(process.env.E2E_TARBALL);
	const runner = process.env.NODE_TEST_CONTEXT ? process.ppid : process.pid;
	const dest = path.join(os.tmpdir(), `${PREFIX}${runner}-${startTime(runner) ?? Date.now()}`);
	const find = () => existsSync(dest) && readdirSync(dest).find((f) => f.endsWith('.tgz'));
	if (find()) return path.join(dest, find());
	sweep();

	const run = (args) => {
		try {
			execFileSync('npm', args, { cwd: dir, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
		} catch (e) {
			// tsc reports compile errors on stdout
			throw new Error(`npm ${args.join(' ')} failed in ${dir}:\n${e.stdout ?? ''}`.trimEnd());
		}
	};
	let t0 = Date.now();
	if (build) {
		run(['run', 'build', '--silent']);
		log(`npm run build: ${Date.now() - t0} ms`);
	}
	t0 = Date.now();
	mkdirSync(dest, { recursive: true });
	run(['pack', '--silent', '--pack-destination', dest]);
	if (!find()) throw new Error(`npm pack wrote no tarball into ${dest}`);
	log(`npm pack: ${Date.now() - t0} ms -> ${path.join(dest, find())}`);
	return path.join(dest, find());
}
